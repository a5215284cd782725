import {
  cascadeAround,
  cascadeTree,
  descendantRows,
  topSpreaders,
  type CascadeTree,
} from '../core/spread/cascade-tree';
import { peopleOnly } from '../core/others/highlight';
import { formatTime } from '../core/spread/time-format';
import { CHANNEL_NAMES, type ChannelName, type Timeline } from '../core/spread/types';
import type { GraphView } from '../render/graph-view';
import { labelOf, type LoadedDataset } from './loaded-dataset';

/** What the card says about one person, for the spread on screen. */
export interface PersonCard {
  node: number;
  id: string;
  label: string;
  isOrigin: boolean;
  /** When they got the word (formatted), or null if the spread never reached them. */
  reachedAt: string | null;
  channel: ChannelName | null;
  /** Who told them; null for the origin, `outside` adoptions and people not reached. */
  from: { id: string; label: string } | null;
  passedTo: number;
  /** Everyone the word reached through them, directly or not. */
  reachedThrough: number;
}

const TOP_SPREADERS_LABELLED = 5;

/**
 * Hover and selection: the card about a person, "how did the word reach X?" (the path from the
 * origin, highlighted with everyone reached through X) and the labels of the top spreaders.
 */
export class Inspector {
  hovered = $state(-1);
  selected = $state(-1);
  card = $state<PersonCard | null>(null);
  /** People brought forward as a set (search matches, a group) while nobody's path is shown. */
  marked = $state.raw<readonly number[] | null>(null);

  private dataset: LoadedDataset | null = null;
  private timeline: Timeline | null = null;
  private tree: CascadeTree | null = null;
  private edgesOfRows: Int32Array = new Int32Array(0);
  private view: GraphView | null = null;

  /** A new spread on screen: rebuild the tree, keep the selection if that person still matters. */
  useTimeline(dataset: LoadedDataset, timeline: Timeline, edgesOfRows: Int32Array): void {
    if (this.dataset !== dataset) {
      this.hovered = -1;
      this.selected = -1;
      this.marked = null;
    }
    this.dataset = dataset;
    this.timeline = timeline;
    this.edgesOfRows = edgesOfRows;
    this.tree = cascadeTree(timeline, dataset.csr.nodeCount);
    this.show();
  }

  attachView(view: GraphView | null): void {
    this.view = view;
    this.show();
  }

  hover(node: number): void {
    this.hovered = node;
    this.updateCard();
  }

  select(node: number): void {
    this.selected = node;
    this.show();
  }

  clear(): void {
    this.marked = null;
    this.select(-1);
  }

  /** Highlights these people (no path) until a selection or `clear`; null stops. */
  mark(nodes: Iterable<number> | null): void {
    this.marked = nodes === null ? null : [...nodes];
    this.show();
  }

  private show(): void {
    this.updateCard();
    const { view, timeline, tree } = this;
    if (!view || !timeline || !tree) return;
    const top = topSpreaders(timeline, tree, TOP_SPREADERS_LABELLED);
    view.setLabelled(this.selected >= 0 ? [...top, this.selected] : top);
    if (this.selected < 0 || tree.rowOfNode[this.selected] < 0) {
      const marked = this.marked;
      view.setHighlight(marked ? peopleOnly(marked) : null);
      return;
    }
    view.setHighlight(cascadeAround(timeline, tree, this.edgesOfRows, this.selected));
  }

  private updateCard(): void {
    const node = this.hovered >= 0 ? this.hovered : this.selected;
    this.card = node >= 0 ? this.describe(node) : null;
  }

  private describe(node: number): PersonCard | null {
    const { dataset, timeline, tree } = this;
    if (!dataset || !timeline || !tree || node >= dataset.csr.nodeCount) return null;
    const person = (n: number) => {
      return { id: dataset.payload.nodeIds[n], label: labelOf(dataset, n) };
    };
    const row = tree.rowOfNode[node];
    const via = row >= 0 ? timeline.via[row] : -1;
    return {
      node,
      ...person(node),
      isOrigin: row >= 0 && timeline.channel[row] === 0,
      reachedAt: row >= 0 ? formatTime(timeline.time[row], timeline.timeUnit) : null,
      channel: row >= 0 ? CHANNEL_NAMES[timeline.channel[row]] : null,
      from: via >= 0 ? person(via) : null,
      passedTo: tree.offspring[node],
      reachedThrough: row >= 0 ? descendantRows(timeline, tree, node).length : 0,
    };
  }
}
