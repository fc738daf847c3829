import { html } from 'lit';
import type { SkmQuestion, SkmQuestionnaire } from './skm-api.js';
import type { SkmLang, SkmStrings } from './skm-strings.js';

type Set = (name: string, value: string) => void;

/** A group of native radios, four or fewer on a line, with its error under it. */
function radios(
  name: string,
  legend: unknown,
  options: { value: string; label: string }[],
  values: Record<string, string>,
  errors: Record<string, string>,
  set: Set,
) {
  const invalid = Boolean(errors[name]);
  return html`<fieldset class=${invalid ? 'invalid' : ''} aria-describedby="${name}-error">
    <legend>${legend}</legend>
    <div class="options">
      ${options.map(
        (option) =>
          html`<label><input type="radio" name=${name} value=${option.value} .checked=${values[name] === option.value} @change=${() => set(name, option.value)} />${option.label}</label>`,
      )}
    </div>
    <p class="error" id="${name}-error">${errors[name] ?? ''}</p>
  </fieldset>`;
}

/** Sex as radios; age, education and occupation as selects, as long lists are on a phone. */
export function renderProfile(
  q: SkmQuestionnaire,
  fields: readonly ('sex' | 'ageGroup' | 'education' | 'occupation')[],
  lang: SkmLang,
  t: SkmStrings,
  values: Record<string, string>,
  errors: Record<string, string>,
  set: Set,
) {
  return fields.map((name) => {
    const field = q.profile[name];
    if (name === 'sex')
      return radios(
        name,
        field.label[lang],
        field.options.map((o) => ({ value: o.code, label: o.label[lang] })),
        values,
        errors,
        set,
      );
    return html`<div class="field">
      <label class="top" for=${name}>${field.label[lang]}</label>
      <select id=${name} name=${name} aria-invalid=${errors[name] ? 'true' : 'false'} aria-describedby="${name}-error" @change=${(event: Event) => set(name, (event.target as HTMLSelectElement).value)}>
        <option value="">${t.choose}</option>
        ${field.options.map((o) => html`<option value=${o.code} ?selected=${values[name] === o.code}>${o.label[lang]}</option>`)}
      </select>
      <p class="error" id="${name}-error">${errors[name] ?? ''}</p>
    </div>`;
  });
}

/** The questions, numbered as the regulation's elements, each with its four answers scoring 1 to 4. */
export function renderQuestions(
  questions: SkmQuestion[],
  lang: SkmLang,
  values: Record<string, string>,
  errors: Record<string, string>,
  set: Set,
) {
  return questions.map((question, i) =>
    radios(
      question.code,
      html`${i + 1}. ${question.question[lang]}`,
      question.options[lang].map((label, score) => ({ value: String(score + 1), label })),
      values,
      errors,
      set,
    ),
  );
}
