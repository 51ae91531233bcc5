/** The element a page must have, for the site's and the staff page's scripts: a missing one is a broken page. */
export const byId = <T extends HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`The page has no #${id}`);
  return e as T;
};
