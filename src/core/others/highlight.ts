/** A highlight of people without ties (search matches, a group's members), as GraphView takes it. */
export function peopleOnly(nodes: Iterable<number>): { nodes: Set<number>; edges: Set<number> } {
  return { nodes: new Set(nodes), edges: new Set() };
}
