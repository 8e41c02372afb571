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
