// The page's behaviour: copy buttons, and the original page of a PDF. The pages work without it,
// but for copying and the PDF page.

/** Copies text to the clipboard, and says so in the button for a moment (announced to screen readers). */
async function copy(button) {
  const text = button.dataset.copy ?? '';
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    // No clipboard (an insecure origin, a denied permission): select the text for Ctrl-C instead.
    const area = document.createElement('textarea');
    area.value = text;
    button.after(area);
    area.select();
    button.textContent = 'Press Ctrl-C to copy';
  }
  setTimeout(() => {
    button.textContent = label;
  }, 2000);
}

function setUp() {
  for (const button of document.querySelectorAll('button.copy')) {
    button.setAttribute('aria-live', 'polite');
    button.addEventListener('click', () => void copy(button));
  }
  const pdfPage = document.getElementById('pdf-page');
  if (pdfPage) void import('/assets/pdf-page.js').then((m) => m.showPage(pdfPage));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
else setUp();
