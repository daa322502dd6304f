// One page of a PDF, drawn by pdf.js (served by the tool from pdfjs-dist), with its text layer
// laid over it and the cited words marked.
import * as pdfjs from '/assets/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdfjs/pdf.worker.min.mjs';

/** Whether a text-layer piece holds one of the words (whole words, any case). */
function holds(text, words) {
  const lower = text.toLowerCase();
  return words.some((w) => {
    const at = lower.indexOf(w);
    if (at < 0) return false;
    const before = lower[at - 1];
    const after = lower[at + w.length];
    return !/[\p{L}\p{N}]/u.test(before ?? ' ') && !/[\p{L}\p{N}]/u.test(after ?? ' ');
  });
}

/** pdf.js's own rules for its text layer, loaded with the page that needs them. */
function loadTextLayerStyle() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/assets/pdfjs/pdf_viewer.css';
  document.head.append(link);
}

export async function showPage(container) {
  loadTextLayerStyle();
  const number = Number(container.dataset.page);
  const words = (container.dataset.highlight ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 1);
  try {
    const doc = await pdfjs.getDocument({
      url: container.dataset.file,
      isEvalSupported: false,
      standardFontDataUrl: '/assets/pdfjs/standard_fonts/',
    }).promise;
    const page = await doc.getPage(number);
    const unscaled = page.getViewport({ scale: 1 });
    const scale = Math.min(2, Math.max(0.5, (container.clientWidth || 800) / unscaled.width));
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Page ${number} of the original document`);
    const frame = document.createElement('div');
    frame.className = 'pdf-frame';
    frame.style.width = canvas.style.width;
    frame.style.height = canvas.style.height;
    // pdf.js's text layer sizes its pieces by these (pdf_viewer.css).
    frame.style.setProperty('--scale-factor', String(scale));
    frame.style.setProperty('--total-scale-factor', String(scale));
    const textLayer = document.createElement('div');
    textLayer.className = 'textLayer';
    frame.append(canvas, textLayer);
    container.replaceChildren(frame);
    await page.render({
      canvas,
      canvasContext: canvas.getContext('2d'),
      viewport,
      transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
    }).promise;
    const layer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport });
    await layer.render();
    let first = null;
    for (const span of textLayer.querySelectorAll('span')) {
      if (words.length && holds(span.textContent ?? '', words)) {
        span.classList.add('hit');
        first ??= span;
      }
    }
    container.dataset.rendered = 'true';
    container.dataset.hits = String(textLayer.querySelectorAll('span.hit').length);
    first?.scrollIntoView({ block: 'center' });
  } catch (err) {
    const p = document.createElement('p');
    p.className = 'problem';
    p.textContent = `The original page could not be shown: ${err instanceof Error ? err.message : String(err)}. Its text is below.`;
    container.replaceChildren(p);
    container.dataset.rendered = 'failed';
  }
}
