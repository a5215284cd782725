import { untrack } from 'svelte';
import {
  bridgesNear,
  undirectedAdjacency,
  type Bridges,
  type UndirectedAdjacency,
} from '../core/others/bridges';
import { COMMUNITY_ATTRIBUTE } from '../core/others/communities';
import { hashtagGrouping } from '../core/others/hashtag-grouping';
import type { Grouping } from '../core/others/groups';
import { othersLike, type Kin } from '../core/others/like-me';
import {
  buildPeopleSearch,
  hashtagsByPerson,
  type PeopleSearch,
  type SearchResults,
} from '../core/others/search';
import {
  isCancelled,
  OthersClient,
  type OthersClientOptions,
  type TribesStep,
} from '../workers/others-client';
import { labelOf, type LoadedDataset } from './loaded-dataset';
import type { Session } from './session.svelte';

const NO_RESULTS: SearchResults = { hits: [], nodes: [], fuzzy: false };

/** Tribes and their bridges, once found. */
export interface TribesShown {
  modularity: number;
  tribes: number;
  seed: number;
  bridges: Bridges;
}

/**
 * The tribes job: a run that is cancelled or fails leaves the tribes found before (`Others.found`)
 * as they were.
 */
export type TribesJob =
  | { type: 'idle' }
  /** `share` of the bridges phase, 0..1; null while Louvain runs (it reports no progress). */
  | { type: 'running'; phase: TribesStep['phase']; share: number | null }
  | { type: 'error'; message: string };

/**
 * "Find the others": search, groups, tribes and bridges for the dataset on screen. The search index
 * and the undirected adjacency are built on first use and kept per dataset (raw, never reactive).
 * Tribes and bridges are found in the others worker (OthersClient, started on first use).
 */
export class Others {
  query = $state('');
  results = $state.raw<SearchResults>(NO_RESULTS);
  /** The attribute the Groups view (and the reach table) shows. */
  attribute = $state('');
  /** The group whose members are highlighted; -1: none. */
  group = $state(-1);
  /** The last tribes found for this dataset; null: none yet. */
  found = $state.raw<TribesShown | null>(null);
  job = $state.raw<TribesJob>({ type: 'idle' });

  private dataset: LoadedDataset | null = null;
  private index: PeopleSearch | null = null;
  private adjacency: UndirectedAdjacency | null = null;
  private client: OthersClient | null = null;

  constructor(
    private readonly session: Session,
    private readonly clientOptions: OthersClientOptions = {},
  ) {}

  /** A new dataset drops what was found about the old one. */
  useDataset(dataset: LoadedDataset | null): void {
    if (dataset === this.dataset) return;
    this.client?.cancel();
    this.dataset = dataset;
    this.index = null;
    this.adjacency = null;
    this.query = '';
    this.results = NO_RESULTS;
    this.group = -1;
    this.found = null;
    this.job = { type: 'idle' };
    this.attribute = dataset?.groupings[0]?.attribute ?? '';
    // A hashtag dataset groups people by their own hashtag too. Untracked: this runs in the panel's
    // effect, which must not re-run each time a grouping is added.
    const posts = dataset?.posts;
    if (dataset && posts) {
      const grouping = hashtagGrouping(dataset.payload.nodeIds, posts.dataset.posts);
      if (grouping) untrack(() => this.session.addGrouping(grouping));
    }
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
   * Louvain, modularity and bridges (betweenness, sampled on large networks) in the others worker,
   * with progress. Louvain is seeded: the same network and seed give the same tribes; finding them
   * again rolls a new seed. The tribes become the "community" grouping only once all is done.
   */
  async findTribes(): Promise<void> {
    const dataset = this.dataset;
    if (!dataset || this.job.type === 'running') return;
    const seed = this.found ? this.found.seed + 1 : 1;
    this.job = { type: 'running', phase: 'tribes', share: null };
    this.client ??= new OthersClient(this.clientOptions);
    try {
      const found = await this.client.findTribes(dataset.payload, { seed }, (step) => {
        if (dataset !== this.dataset) return;
        this.job =
          step.phase === 'tribes'
            ? { type: 'running', phase: 'tribes', share: null }
            : {
                type: 'running',
                phase: 'bridges',
                share: step.total > 0 ? step.done / step.total : 1,
              };
      });
      if (dataset !== this.dataset) return;
      this.session.addGrouping(found.communities.grouping);
      this.adjacency = found.adjacency;
      this.found = {
        modularity: found.communities.modularity,
        tribes: found.communities.grouping.values.length,
        seed,
        bridges: found.bridges,
      };
      this.job = { type: 'idle' };
    } catch (error) {
      if (dataset !== this.dataset) return;
      this.job = isCancelled(error)
        ? { type: 'idle' }
        : { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Stops finding tribes at once; the tribes found before stay. */
  cancelTribes(): void {
    this.client?.cancel();
  }

  dispose(): void {
    this.client?.dispose();
    this.client = null;
  }

  /** The origin's contacts with ties into other tribes: whom to tell to reach beyond her own. */
  bridgesNearOrigin(): { node: number; outsideTies: number }[] {
    const dataset = this.dataset;
    const origin = this.session.spread.origin;
    const tribes = this.session.groupings.find((g) => g.attribute === COMMUNITY_ATTRIBUTE);
    if (!dataset || origin < 0 || !tribes || !this.found) return [];
    this.adjacency ??= undirectedAdjacency(dataset.payload);
    return bridgesNear(this.adjacency, tribes.groupOfNode, origin);
  }

  /**
   * "Tell them too": adds a contact to the spread's origins, so the figures show what reaching
   * into their tribe changes.
   */
  tellToo(node: number): void {
    const spread = this.session.spread;
    spread.setOrigins([...spread.origins, node]);
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
    if (!this.found) return;
    this.showSet(this.found.bridges.bridges.map((b) => b.node));
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
