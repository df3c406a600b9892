// Counterpoint explorer: the whole debate as a graph, a details panel for
// the selected actor or claim, trace mode for who countered whom, search
// and filters, and curate mode (the studio, studio.js) for curators. The
// view's state lives in the URL (see state.js).
//
// This module starts the page. The one place that looks at ?bench=N is
// here: it picks the benchmark's synthetic backend (bench.js) instead of the
// API's (backend.js), and nothing else in the page asks which one it has.
// The modules are listed in web/README.md.
import './style.css';
import { app, explorer } from './app.js';
import { apiBackend } from './backend.js';
import { benchmarkBackend } from './bench.js';
import { setupControls, syncControls } from './controls.js';
import { setupSearch } from './search.js';
import { applyFilters, setupGraphKeys } from './graphview.js';
import { applySelection, showBrowse } from './details.js';
import { runTrace } from './trace.js';
import { enterStudio } from './studio.js';
import { ensureDatasets, showView, isViewMode } from './views.js';
import { networkBenchmark } from './viewbench.js';

async function start(backend) {
  app.backend = backend;
  setupControls();
  setupSearch();
  syncControls();
  setupGraphKeys();
  if (!app.state.bench) await ensureDatasets();
  if (isViewMode()) {
    // The views load their own data: the explorer's graph waits until
    // explore or trace mode asks for it.
    if (app.state.bench && app.state.mode === 'network') await networkBenchmark(app.state.bench);
    else await showView();
    return;
  }
  try {
    await backend.loadGraph();
  } catch (err) {
    console.warn('explorer: the graph did not load', err);
    return;
  }
  applyFilters({ status: true });
  applySelection({ center: true });
  await runTrace({ fit: !app.state.node });
  explorer.ready = true;
  if (!app.state.node) showBrowse();
  if (app.state.mode === 'curate') await enterStudio();
}

start(app.state.bench ? benchmarkBackend(app.state.bench) : apiBackend);
