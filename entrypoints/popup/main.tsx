import './style.css';
import { render } from 'preact';
import { createConnector, translate } from '@/components/connector';
import { PopupApp } from '@/components/popup-app';
import type { Analysis } from '@/components/popup-view';
import type { CompiledReferences } from '@/lib/references';
import type { Article, Strictness } from '@/lib/types';

// The engine and the references load in their own chunk while the page is being read,
// so "Reading the page…" shows at once.
const engine = Promise.all([import('@/lib/index'), import('@/reference-data/compiled/bundled.json')]);
engine.catch(() => {}); // reported when analyse awaits it

async function analyse(article: Article, strictness: Strictness): Promise<Analysis> {
  const [{ crosscheck }, { default: data }] = await engine;
  const refs = data as unknown as CompiledReferences;
  // The engine runs synchronously: give the loading state a chance to paint first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { report: crosscheck(article, refs, { strictness }), story: refs.story };
}

document.title = translate('extName');
const root = document.getElementById('app');
if (root) render(<PopupApp t={translate} connector={createConnector(location.search)} analyse={analyse} />, root);
