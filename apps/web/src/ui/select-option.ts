/** One choice of a SelectField or CheckboxGroup. */
export interface SelectOption<V extends string> {
  value: V;
  label: string;
  /** Shown under this heading (an `<optgroup>`), e.g. a model's folder (W-15). */
  group?: string;
}
