import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { spreadsheetCsv, spreadsheetCsvLine } from "./spreadsheet-csv";

describe("spreadsheetCsv", () => {
  it("quotes commas, quotes and newlines, and ends every line in CRLF", () => {
    expect(spreadsheetCsvLine(['say "hi", ok', "two\nlines", "plain"])).toBe('"say ""hi"", ok","two\nlines",plain\r\n');
    expect(spreadsheetCsv([["a"], ["b"]])).toBe("a\r\nb\r\n");
  });

  it.each(["=HYPERLINK(1)", "+1", "-SUM(A1)", "@cmd", "\tx", "\rx"])("defuses %j as text a spreadsheet shows", (text) => {
    const [[cell]] = parse(spreadsheetCsvLine([text]));
    expect(cell).toBe(`'${text}`);
  });

  it("writes numbers, booleans, dates, objects and empty values as a reader expects", () => {
    expect(spreadsheetCsvLine([-3, 2.5, false, true, new Date("2026-01-02T03:04:05Z"), ["a"], { b: 1 }, null, undefined])).toBe(
      '-3,2.5,false,true,2026-01-02T03:04:05.000Z,"[""a""]","{""b"":1}",,\r\n',
    );
  });
});
