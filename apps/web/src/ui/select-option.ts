/** One choice of a SelectField or CheckboxGroup. */
export interface SelectOption<V extends string> {
  value: V;
  label: string;
}
