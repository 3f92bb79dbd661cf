// Purchase groups: school × model × role, the buyers of replacements, growth and spares, closed
// under replacement models. Internal.

import { ROLES } from "./compiled.js";
import type { Raw } from "./intake.js";
import { indexIn } from "./numbering.js";

/** Purchase groups (school, model, role), numbered in order of first appearance (a class, with one empty instance held by the class: see Compiled.kept). */
export class Groups {
  static kept: Groups | undefined;
  readonly index = new Map<number, number>();
  readonly school: number[] = [];
  readonly model: number[] = [];
  readonly role: number[] = [];
  constructor(readonly M: number) {}
}
Groups.kept = new Groups(0);

export function groupIn(gr: Groups, school: number, model: number, role: number): number {
  const g = indexIn(gr.index, (school * gr.M + model) * ROLES.length + role);
  if (g === gr.school.length) {
    // a new group (the map's size and the lists' length grow together)
    gr.school.push(school);
    gr.model.push(model);
    gr.role.push(role);
  }
  return g;
}

/** The replacement group of each initial cohort. */
export function groupsOfRaws(gr: Groups, rawList: readonly Raw[], rawSchool: Int32Array, replOf: Int32Array): void {
  for (let i = 0; i < rawList.length; i++) groupIn(gr, rawSchool[i]!, replOf[rawList[i]!.model]!, ROLES.indexOf(rawList[i]!.role));
}

/** Closure under replacement: the groups added while walking are walked too, in order. */
export function closeGroups(gr: Groups, replOf: Int32Array): void {
  for (let g = 0; g < gr.school.length; g++) groupIn(gr, gr.school[g]!, replOf[gr.model[g]!]!, gr.role[g]!);
}
