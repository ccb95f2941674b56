import { pyStr } from '../python/python-values';
import type { NodeResult, NodeRunner } from './node-context';
import { booleanInput, numberInput, stringInput } from './node-inputs';

/** The stand-in custom nodes that compute values rather than pictures. */
export const LOGIC_RUNNERS: Readonly<Record<string, NodeRunner>> = {
  'Switch any [Crystools]': (context) => values([booleanInput(context, 'boolean', true) ? (context.inputs.on_true ?? null) : (context.inputs.on_false ?? null)]),
  'LayerUtility: BooleanOperator': (context) => values([compare(context.inputs.a, context.inputs.b, stringInput(context, 'operator', '=='))]),
  /** rgthree: −1, −2, −3 ask for a random seed; here one derived from the node's fingerprint. */
  'Seed (rgthree)': (context) => {
    const seed = numberInput(context, 'seed', 0);
    return values([seed >= 0 ? seed : parseInt(context.key.slice(0, 12), 16)]);
  },
  'Display Int (rgthree)': (context) => Promise.resolve({ values: [], ui: { text: [pyStr(context.inputs.input ?? null)] } }),
  'PlaySound|pysssss': () => Promise.resolve({ values: [], ui: { a: [] } }),
};

function compare(a: unknown, b: unknown, operator: string): boolean {
  const x = typeof a === 'number' ? a : Number(a);
  const y = typeof b === 'number' ? b : Number(b);
  switch (operator) {
    case '!=':
      return a !== b;
    case '>':
      return x > y;
    case '<':
      return x < y;
    case '>=':
      return x >= y;
    case '<=':
      return x <= y;
    case 'and':
      return Boolean(a) && Boolean(b);
    case 'or':
      return Boolean(a) || Boolean(b);
    case 'xor':
      return Boolean(a) !== Boolean(b);
    case 'not':
      return !a;
    default:
      return a === b;
  }
}

function values(list: NodeResult['values']): Promise<NodeResult> {
  return Promise.resolve({ values: list });
}
