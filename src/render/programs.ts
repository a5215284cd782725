import { EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Program, ProgramAttributeSpecification, ProgramInfo } from 'sigma/rendering';
import { ChangedUploads } from './changed-uploads';

/**
 * sigma's default node and edge programs (circles, straight ties), drawing the same pictures, that
 * upload only the items changed since the last draw instead of their whole arrays (ChangedUploads):
 * a replay frame then costs the GPU copy of what it changed, not of the graph. The tie program can
 * also leave out quiet ties (see setQuietTiesHidden).
 */

/** Edge display data as our reducer fills it: `quiet` marks a tie that has not carried the word. */
export type TieDisplayData = EdgeDisplayData & { quiet?: boolean };

/** Renderers whose quiet ties are left out for now. */
const quietHidden = new WeakSet<object>();

/**
 * Leaves out (true) or draws again (false) the quiet ties of `renderer` from the next time each tie
 * is written into the program: while the layout moves a big graph, tens of thousands of faint lines
 * cost the GPU (or, with software WebGL, the main thread) most of each frame, and the motion is what
 * people watch then. The layout's sweep rewrites every tie anyway, so they go and come back with it.
 */
export function setQuietTiesHidden(renderer: object, hidden: boolean): void {
  if (hidden) quietHidden.add(renderer);
  else quietHidden.delete(renderer);
}

/**
 * sigma's Program#bindProgram, except for the last upload of the items' array, which goes through
 * `uploads`. The attribute set-up is sigma 3.0's; a later sigma changing it shows here first.
 */
function bindWithChangedUploads(
  program: Pick<
    Program,
    'isInstanced' | 'ATTRIBUTES' | 'CONSTANT_ATTRIBUTES' | 'constantArray' | 'array'
  >,
  info: ProgramInfo,
  uploads: ChangedUploads,
  bindAttribute: (
    attr: ProgramAttributeSpecification,
    info: ProgramInfo,
    offset: number,
    setDivisor?: boolean,
  ) => number,
): void {
  const { gl, buffer } = info;
  let offset = 0;
  if (program.isInstanced) {
    gl.bindBuffer(gl.ARRAY_BUFFER, info.constantBuffer);
    for (const attr of program.CONSTANT_ATTRIBUTES)
      offset += bindAttribute(attr, info, offset, false);
    gl.bufferData(gl.ARRAY_BUFFER, program.constantArray, gl.STATIC_DRAW);
    offset = 0;
  }
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  for (const attr of program.ATTRIBUTES)
    offset += bindAttribute(attr, info, offset, program.isInstanced ? true : undefined);
  uploads.upload(gl, buffer, program.array);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
}

export class NodeCircleChangedProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodeCircleProgram<N, E, G> {
  // A reallocated array is a new one: ChangedUploads then uploads it whole.
  private readonly uploads = new ChangedUploads(this.STRIDE);

  override process(nodeIndex: number, offset: number, data: NodeDisplayData): void {
    super.process(nodeIndex, offset, data);
    this.uploads.mark(offset);
  }

  protected override bindProgram(info: ProgramInfo): void {
    bindWithChangedUploads(this, info, this.uploads, (attr, i, offset, divisor) =>
      this.bindAttribute(attr, i, offset, divisor),
    );
  }
}

export class EdgeRectangleChangedProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends EdgeRectangleProgram<N, E, G> {
  // A reallocated array is a new one: ChangedUploads then uploads it whole.
  private readonly uploads = new ChangedUploads(this.STRIDE);

  override process(
    edgeIndex: number,
    offset: number,
    sourceData: NodeDisplayData,
    targetData: NodeDisplayData,
    data: TieDisplayData,
  ): void {
    if (data.quiet && quietHidden.has(this.renderer)) {
      // As sigma writes a hidden item: zeros, a degenerate shape that draws no pixel.
      this.array.fill(0, offset * this.STRIDE, (offset + 1) * this.STRIDE);
    } else {
      super.process(edgeIndex, offset, sourceData, targetData, data);
    }
    this.uploads.mark(offset);
  }

  protected override bindProgram(info: ProgramInfo): void {
    bindWithChangedUploads(this, info, this.uploads, (attr, i, offset, divisor) =>
      this.bindAttribute(attr, i, offset, divisor),
    );
  }
}
