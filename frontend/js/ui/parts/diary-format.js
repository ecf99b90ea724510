// The diary's values as a person reads them: days, times, twitch entries, option labels, counts, and the
// sentence of a habit pattern. The words are content's (content/diary.yml's `words` and habits, and the
// questionnaire's options); this module only puts values into them.
import { locale } from "../../language.js";
import { localTime, wallClockAt } from "../../diary/days.js";
import { diaryRules } from "../../diary/model.js";
import { formatRate } from "../../diary/stats.js";
import { t } from "../../words.js";

/** A day key as the person reads it: "Monday 10 June" (the year too when asked). */
export function formatDay(day, { year = false, weekday = true } = {}) {
  return localTime(day, "12:00").toLocaleDateString(locale(), {
    weekday: weekday ? "long" : undefined, day: "numeric", month: "long", year: year ? "numeric" : undefined,
  });
}

/** The clock time the person saw when they logged it ("08:30"). */
export function entryTime(entry) {
  return wallClockAt(entry.at, entry.tz_offset_min).time;
}

/**
 * The words for an option of a questionnaire question, as the diary shows them: a habit's own words for a day
 * (its `option_labels`) where the questionnaire's are about usual habits, else the questionnaire's.
 */
export function optionLabel(content, questionId, optionId) {
  const habit = diaryRules(content).habits.find((h) => h.question === questionId);
  const own = habit?.option_labels?.[optionId];
  if (own) return own;
  const question = content.questionnaire.questions.find((q) => q.id === questionId);
  return question?.options.find((o) => o.id === optionId)?.label ?? optionId;
}

export function areaLabel(content, area) {
  return optionLabel(content, "areas", area);
}

/** "Light", "Strong", "Constant": how strong a twitch felt. */
export function strengthLabel(strength) {
  return { light: t("diary.strength.light"), strong: t("diary.strength.strong"), constant: t("diary.strength.constant") }[strength];
}

/** What each strength feels like, beside its label on the form. */
export function strengthHint(strength) {
  return {
    light: t("diary.strength.light_hint"), strong: t("diary.strength.strong_hint"), constant: t("diary.strength.constant_hint"),
  }[strength];
}

/** "Eyelid, light": what a twitch entry was. */
export function entryWhat(content, entry) {
  return t("diary.entry.what", { area: areaLabel(content, entry.area), strength: strengthLabel(entry.strength).toLocaleLowerCase(locale()) });
}

/** "3 twitches", "1 check-in", "2 days". */
export const twitchCount = (count) => t("diary.count.twitches", { count });
export const checkinCount = (count) => t("diary.count.checkins", { count });
export const dayCount = (count) => t("diary.count.days", { count });

/** The habit of a comparison (stats.js), with its words: its `name`, `on_days`... */
export function habitOf(content, habitId) {
  return diaryRules(content).habits.find((habit) => habit.id === habitId);
}

/**
 * The sentence of a habit pattern, worded as a pattern, never a cause: "On days after nights under 6 hours'
 * sleep you logged 3.1 twitches a day; on other days 0.9. …". A habit whose trigger counts only some areas
 * (screens: the eyelid) names them: "2.0 eyelid twitches a day".
 */
export function insightText(content, comparison) {
  const values = {
    on_days: habitOf(content, comparison.habit).on_days,
    mean_with: formatRate(comparison.mean_with, locale()),
    mean_without: formatRate(comparison.mean_without, locale()),
  };
  if (!comparison.counted_areas) return t("diary.insight.text", values);
  const areas = comparison.counted_areas.map((area) => areaLabel(content, area).toLocaleLowerCase(locale()));
  return t("diary.insight.text_in_areas", { ...values, areas: new Intl.ListFormat(locale(), { type: "disjunction" }).format(areas) });
}

/** A text with `{name}` placeholders filled by elements (a link inside a sentence): a list of strings and nodes. */
export function withElements(text, elements) {
  return text.split(/\{([a-z_]+)\}/).map((part, n) => (n % 2 ? elements[part] ?? `{${part}}` : part)).filter((part) => part !== "");
}
