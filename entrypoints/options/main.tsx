import './style.css';
import './reference-sets.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createOptionsConnector, createReferenceSets, downloadText, translate } from '@/components/connector';
import { OptionsApp } from '@/components/options-app';
import { ReferenceSetsManager } from '@/components/reference-sets-manager';
import { isoDay } from '@/lib/reference-format';
import { createAutoScanSetting } from '@/utils/auto-scan';

document.title = translate('optionsTitle');
const root = document.getElementById('app');
// The "Reference sets" section is <section id="reference-sets"> inside the app, filled through the
// `referenceSets` slot by ReferenceSetsManager.
if (root)
  render(
    <OptionsApp
      t={translate}
      connector={createOptionsConnector()}
      autoScan={createAutoScanSetting(browser.permissions)}
      referenceSets={<ReferenceSetsManager t={translate} store={createReferenceSets()} download={downloadText} today={isoDay()} />}
    />,
    root,
  );
