/**
 * Lets the whole page accept dropped files. Returns a function that removes the listeners.
 * `onHover` tells whether a file is being dragged over the page, for a drop hint.
 */
export function acceptFileDrops(
  target: HTMLElement | Window,
  onFiles: (files: File[]) => void,
  onHover: (hovering: boolean) => void = () => {},
): () => void {
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const over = (event: Event) => {
    const drag = event as DragEvent;
    if (!carriesFiles(drag)) return;
    drag.preventDefault();
    if (drag.dataTransfer) drag.dataTransfer.dropEffect = 'copy';
    onHover(true);
  };
  const leave = (event: Event) => {
    if ((event as DragEvent).relatedTarget === null) onHover(false);
  };
  const drop = (event: Event) => {
    const drag = event as DragEvent;
    if (!carriesFiles(drag)) return;
    drag.preventDefault();
    onHover(false);
    const files = [...(drag.dataTransfer?.files ?? [])];
    if (files.length > 0) onFiles(files);
  };
  target.addEventListener('dragover', over);
  target.addEventListener('dragleave', leave);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('drop', drop);
  };
}
