/** Why an absolute link in the documentation site points nowhere, or `undefined` (see site-links.mjs). */
export declare function absoluteLinkProblem(href: string): string | undefined;
