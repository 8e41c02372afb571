// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported');
initAll();

// Questions an answer on the same page shows or hides (the server marks them with data-reveal-*). A hidden
// question's fields are disabled, so they are not sent; without JavaScript the server shows them after a save.
for (const group of document.querySelectorAll('[data-reveal-when]')) {
  const name = group.dataset.revealWhen;
  const values = (group.dataset.revealValues || '').split(' ').filter(v => v.length > 0);
  const controls = document.querySelectorAll(`input[name="${CSS.escape(name)}"]`);
  const update = () => {
    const checked = [...controls].find(c => c.checked);
    const show = checked ? values.includes(checked.value) : group.dataset.revealEmpty === 'true';
    group.hidden = !show;
    for (const field of group.querySelectorAll('input, textarea, select')) {
      field.disabled = !show;
    }
  };
  for (const control of controls) {
    control.addEventListener('change', update);
  }
  update();
}

// A report being made (data-refresh-while-running): fetch the page again every few seconds and update its
// status and progress in place; once it has finished, load the page for its download button. Without
// JavaScript the page's "Refresh to see progress" link does the same by hand.
const running = document.querySelector('[data-refresh-while-running]');
if (running) {
  running.querySelector('[data-refresh-note]')?.removeAttribute('hidden');
  const refresh = async () => {
    try {
      const response = await fetch(window.location.href, { headers: { 'Accept': 'text/html' }, cache: 'no-store' });
      if (!response.ok) {
        return;
      }
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!next.querySelector('[data-refresh-while-running]')) {
        window.location.reload();
        return;
      }
      for (const id of ['run-status', 'run-progress']) {
        const now = document.getElementById(id);
        const fresh = next.getElementById(id);
        if (now && fresh && now.outerHTML !== fresh.outerHTML) {
          now.replaceWith(fresh);
        }
      }
    } catch {
      // A failed fetch is tried again at the next tick; the manual link still works.
    }
    window.setTimeout(refresh, Number(running.dataset.refreshWhileRunning) || 3000);
  };
  window.setTimeout(refresh, Number(running.dataset.refreshWhileRunning) || 3000);
}
