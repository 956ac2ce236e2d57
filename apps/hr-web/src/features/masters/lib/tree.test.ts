import { describe, expect, it } from 'vitest';
import { buildForest, subtreeIds } from './tree';

// 本社 › 営業部 › 営業一課, 本社 › 人事部; 総務部 names a parent that is not in the list
const rows = [
  { id: 'hq', parentId: null },
  { id: 'sales', parentId: 'hq' },
  { id: 'sales1', parentId: 'sales' },
  { id: 'hr', parentId: 'hq' },
  { id: 'ga', parentId: 'gone' },
];

describe('department tree', () => {
  it('offers neither the department itself nor its descendants as 上位部署', () => {
    expect([...subtreeIds(rows, 'sales')].sort()).toEqual(['sales', 'sales1']);
    expect([...subtreeIds(rows, 'hq')].sort()).toEqual(['hq', 'hr', 'sales', 'sales1']);
    expect([...subtreeIds(rows, 'sales1')]).toEqual(['sales1']);
  });

  it('ends the walk on a cycle in bad data', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect([...subtreeIds(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });

  it('makes an orphan a root and keeps the given order among siblings', () => {
    const forest = buildForest(rows);
    expect(forest.map((n) => n.item.id)).toEqual(['hq', 'ga']);
    expect(forest[0]!.children.map((n) => n.item.id)).toEqual(['sales', 'hr']);
  });
});
