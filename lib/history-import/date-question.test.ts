import { describe, expect, it } from "vitest";
import { dateQuestionOf, rereadStart } from "./date-question";
import { dateReadings, monthReader, parseDayMonthWallClock } from "./local-time";

function questionFor(dates: string[]) {
  const months = monthReader();
  dates.forEach((date, i) => {
    months.line = i + 2;
    parseDayMonthWallClock(date, months);
  });
  return dateQuestionOf(dateReadings(months), months);
}

describe("the date question", () => {
  it("shows a date from the file, with its line, as each language reads it", () => {
    expect(questionFor(["30 lis 2025, 18:00", "3 lis 2025, 18:00"])).toMatchObject({
      example: { line: 2, text: "30 lis 2025, 18:00" },
      options: [
        { locale: "pl", language: "Polish", reads: "30 November 2025" },
        { locale: "hr", language: "Croatian", reads: "30 October 2025" },
      ],
      chosen: "pl",
    });
  });

  it("is not asked when the file's month names read one way", () => {
    expect(questionFor(["5 Mar 2026, 07:34"])).toBeNull();
    expect(questionFor(["3 lis 2025, 18:00", "3 gru 2025, 18:00"])).toBeNull();
  });

  it("moves a start to the other language's month, same day and clock time in the zone, or says the day does not exist", () => {
    const question = questionFor(["31 lip 2025, 18:00", "3 lis 2025, 18:00"])!;
    // Polish lipiec is July; Croatian lipanj is June, which has no 31st.
    expect(rereadStart("2025-11-03T17:00:00.000Z", "Europe/Warsaw", question, "hr")).toEqual({
      startedAt: "2025-10-03T16:00:00.000Z",
    });
    expect(rereadStart("2025-07-31T16:00:00.000Z", "Europe/Warsaw", question, "hr")).toBeNull();
  });
});
