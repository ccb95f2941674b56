import { compareNodeIds } from './graph-nodes';

describe('W-11 node id order', () => {
  it.each([
    [['10', '9', 'a'], ['9', '10', 'a']],
    [['50:3', '9'], ['9', '50:3']],
    [['50:10', '50:3', '7:2', '100'], ['100', '7:2', '50:3', '50:10']],
    [['b', '50:3', 'a', '3'], ['3', '50:3', 'a', 'b']],
    [['50:3:1', '50:3', '050'], ['050', '50:3', '50:3:1']],
  ])('%j sorts to %j', (ids, sorted) => {
    expect([...ids].sort(compareNodeIds)).toEqual(sorted);
  });
});
