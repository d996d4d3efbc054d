import './style.css';
import './reference-sets.css';
import { render } from 'preact';
import { type Connector, createConnector, createReferenceSets, translate } from '@/components/connector';
import type { AnalyseProgress } from '@/components/popup-app';
import { PopupApp } from '@/components/popup-app';
import type { Analysis } from '@/components/popup-view';
import { ReferenceSetsAdd } from '@/components/reference-sets-add';
import type { Article, Strictness } from '@/lib/types';
import { runInSlices } from '@/utils/slices';

// The engine loads in its own chunk while the page is being read, so "Reading the page…" shows at once.
const engine = import('@/lib/index');
engine.catch(() => {}); // reported when analyse awaits it
const referenceSets = createReferenceSets();

/**
 * Checks the article against every enabled reference set: the bundled one and the reader's. The
 * engine runs in slices, so a long page shows its claims as they come (see utils/slices.ts).
 */
async function analyse(article: Article, strictness: Strictness, progress?: AnalyseProgress): Promise<Analysis> {
  const [{ crosscheckSetsSteps }, sets] = await Promise.all([engine, referenceSets.enabledSets()]);
  // Give the loading state a chance to paint first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const title = sets.map((s) => s.story.title).join(' · ');
  const story = sets.length === 1 && sets[0] ? sets[0].story : { id: 'enabled-sets', title };
  const report = await runInSlices(crosscheckSetsSteps(article, sets, { strictness }), {
    signal: progress?.signal,
    onStep: progress
      ? (step) => progress.onPartial({ analysis: { report: step.partial(), story }, checked: step.checked, total: step.total })
      : undefined,
  });
  return { report, story };
}

// The page is read once: the report and "Add this page as a reference" share the article.
const connector: Connector = createConnector(location.search);
const loaded = connector.loadArticle();
const article = loaded.then((r) => (r.kind === 'article' ? r.article : null));
const shared: Connector = { ...connector, loadArticle: () => loaded };

document.title = translate('extName');
const root = document.getElementById('app');
if (root)
  render(
    <>
      <PopupApp t={translate} connector={shared} analyse={analyse} />
      <ReferenceSetsAdd t={translate} article={article} store={referenceSets} />
    </>,
    root,
  );
