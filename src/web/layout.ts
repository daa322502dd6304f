import { html, type Html } from './html.js';

/** The sections of the site, in the order the navigation shows them. */
const SECTIONS = [
  ['/', 'Search'],
  ['/ratings', 'Ratings'],
  ['/caseloads', 'Caseloads'],
  ['/recommendations', 'Recommendations'],
  ['/documents', 'Documents'],
] as const;

/** Every page's frame: landmarks, a skip link, the navigation with the current section marked, the site's own CSS and script. */
export function page(title: string, section: string, body: Html): Html {
  const nav = SECTIONS.map(
    ([href, name]) =>
      html`<li><a href="${href}" ${href === section ? html` aria-current="page"` : ''}>${name}</a></li>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · report-miner</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <script type="module" src="/assets/site.js"></script>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <a class="brand" href="/">report-miner</a>
          <nav aria-label="Sections">
            <ul>
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${body}</main>
        <footer class="site">
          <p>Every finding links to the page it comes from: check it there before you quote it.</p>
        </footer>
      </body>
    </html>`;
}

/** A page saying what went wrong, in one line. */
export function problemPage(title: string, message: string): Html {
  return page(
    title,
    '',
    html`<h1>${title}</h1>
      <p class="problem" role="alert">${message}</p>
      <p><a href="/">Back to the search</a></p>`,
  );
}
