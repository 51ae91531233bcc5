import { byId } from '../dom';

/**
 * The page's repeated blocks (an error summary, an upload panel), written once as templates in
 * index.html: each `[data-template=<name>]` element is filled from `#<name>-template`, the ids of its
 * parts (`data-part`) prefixed with the element's id (`upload` → `upload-title`, `upload-files`…),
 * labels pointed at them (`data-for`), and its heading at the level the element asks (`data-heading`).
 */
function fillTemplates(): void {
  for (const host of Array.from(document.querySelectorAll<HTMLElement>('[data-template]'))) {
    const content = byId<HTMLTemplateElement>(`${host.dataset.template}-template`).content.cloneNode(true) as DocumentFragment;
    const heading = content.querySelector('h2');
    if (heading && host.dataset.heading) {
      const level = document.createElement(host.dataset.heading);
      for (const attribute of Array.from(heading.attributes)) level.setAttribute(attribute.name, attribute.value);
      level.append(...Array.from(heading.childNodes));
      heading.replaceWith(level);
    }
    for (const part of Array.from(content.querySelectorAll<HTMLElement>('[data-part]'))) part.id = `${host.id}-${part.dataset.part}`;
    for (const label of Array.from(content.querySelectorAll<HTMLLabelElement>('label[data-for]'))) label.htmlFor = `${host.id}-${label.dataset.for}`;
    host.replaceChildren(content);
  }
}

// On import, before the modules that look the blocks' parts up (app.ts imports this second).
fillTemplates();
