import {
  bridgesNear,
  findBridges,
  undirectedAdjacency,
  type Bridges,
  type UndirectedAdjacency,
} from '../core/others/bridges';
import { COMMUNITY_ATTRIBUTE, detectCommunities } from '../core/others/communities';
import type { Grouping } from '../core/others/groups';
import { othersLike, type Kin } from '../core/others/like-me';
import {
  buildPeopleSearch,
  hashtagsByPerson,
  type PeopleSearch,
  type SearchResults,
} from '../core/others/search';
import { labelOf, type LoadedDataset } from './loaded-dataset';
import type { Session } from './session.svelte';

const NO_RESULTS: SearchResults = { hits: [], nodes: [], fuzzy: false };

/** Tribes and their bridges, once found. */
export type TribesStatus =
  | { type: 'idle' }
  | { type: 'running' }
  | { type: 'done'; modularity: number; tribes: number; bridges: Bridges }
  | { type: 'error'; message: string };

/**
 * "Find the others": search, groups, tribes and bridges for the dataset on screen. The search index
 * and the undirected adjacency are built on first use and kept per dataset (raw, never reactive).
 */
export class Others {
  query = $state('');
  results = $state.raw<SearchResults>(NO_RESULTS);
  /** The attribute the Groups view (and the reach table) shows. */
  attribute = $state('');
  /** The group whose members are highlighted; -1: none. */
  group = $state(-1);
  tribes = $state.raw<TribesStatus>({ type: 'idle' });

  private dataset: LoadedDataset | null = null;
  private index: PeopleSearch | null = null;
  private adjacency: UndirectedAdjacency | null = null;

  constructor(private readonly session: Session) {}

  /** A new dataset drops what was found about the old one. */
  useDataset(dataset: LoadedDataset | null): void {
    if (dataset === this.dataset) return;
    this.dataset = dataset;
    this.index = null;
    this.adjacency = null;
    this.query = '';
    this.results = NO_RESULTS;
    this.group = -1;
    this.tribes = { type: 'idle' };
    this.attribute = dataset?.groupings[0]?.attribute ?? '';
  }

  get grouping(): Grouping | undefined {
    return this.session.groupings.find((g) => g.attribute === this.attribute);
  }

  search(query: string): void {
    this.query = query;
    const dataset = this.dataset;
    if (!dataset) return;
    this.index ??= buildPeopleSearch(
      dataset.payload,
      dataset.posts ? hashtagsByPerson(dataset.payload.nodeIds, dataset.posts.dataset.posts) : [],
    );
    this.results = this.index.search(query);
  }

  /** Shows one person: their card, their path if the word reached them, the camera on them. */
  choose(node: number): void {
    const inspector = this.session.spread.inspector;
    this.group = -1;
    inspector.mark([node]);
    inspector.select(node);
    this.session.frameNodes([node]);
  }

  /** Every match of the search at once ("everyone in Lyon"). */
  highlightMatches(): void {
    this.showSet(this.results.nodes);
    this.group = -1;
  }

  setAttribute(attribute: string): void {
    this.attribute = attribute;
    this.group = -1;
  }

  /** Highlights a group's members (choosing it again lets go). */
  toggleGroup(group: number): void {
    const grouping = this.grouping;
    if (!grouping || group === this.group) {
      this.clearHighlight();
      return;
    }
    const members: number[] = [];
    grouping.groupOfNode.forEach((g, node) => {
      if (g === group) members.push(node);
    });
    this.showSet(members);
    this.group = group;
  }

  clearHighlight(): void {
    this.group = -1;
    this.session.spread.inspector.clear();
  }

  /**
   * Louvain on the main thread (seeded: the same tribes every time), then bridges: betweenness on
   * small networks, participation coefficient (O(E)) above BETWEENNESS_LIMIT. A task boundary first,
   * so "Finding tribes…" is painted before the work starts.
   */
  async findTribes(): Promise<void> {
    const dataset = this.dataset;
    if (!dataset || this.tribes.type === 'running') return;
    this.tribes = { type: 'running' };
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (dataset !== this.dataset) return;
    try {
      const found = detectCommunities(dataset.payload, 1);
      this.session.addGrouping(found.grouping);
      const bridges = findBridges(dataset.payload, found.grouping.groupOfNode);
      this.tribes = {
        type: 'done',
        modularity: found.modularity,
        tribes: found.grouping.values.length,
        bridges,
      };
    } catch (error) {
      this.tribes = {
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** The origin's contacts with ties into other tribes: whom to tell to reach beyond her own. */
  bridgesNearOrigin(): { node: number; outsideTies: number }[] {
    const dataset = this.dataset;
    const origin = this.session.spread.origin;
    const tribes = this.session.groupings.find((g) => g.attribute === COMMUNITY_ATTRIBUTE);
    if (!dataset || origin < 0 || !tribes || this.tribes.type !== 'done') return [];
    this.adjacency ??= undirectedAdjacency(dataset.payload);
    return bridgesNear(this.adjacency, tribes.groupOfNode, origin);
  }

  /** The people who share the selected person's group (of the Groups view), nearest first. */
  othersLikeSelected(): { kin: Kin[]; total: number; group: string } | null {
    const dataset = this.dataset;
    const person = this.session.spread.inspector.selected;
    const grouping = this.grouping;
    if (!dataset || !grouping || person < 0 || grouping.groupOfNode[person] < 0) return null;
    this.adjacency ??= undirectedAdjacency(dataset.payload);
    const found = othersLike(this.adjacency, grouping.groupOfNode, person);
    return { ...found, group: grouping.values[grouping.groupOfNode[person]] };
  }

  /** Marks the bridges on the graph. */
  markBridges(): void {
    if (this.tribes.type !== 'done') return;
    this.showSet(this.tribes.bridges.bridges.map((b) => b.node));
    this.group = -1;
  }

  labelOf(node: number): string {
    const dataset = this.dataset;
    if (!dataset) return '';
    return labelOf(dataset, node);
  }

  private showSet(nodes: number[]): void {
    const inspector = this.session.spread.inspector;
    inspector.select(-1);
    inspector.mark(nodes);
    if (nodes.length > 0) this.session.frameNodes(nodes);
  }
}
