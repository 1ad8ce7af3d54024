import { describe, expect, it } from "vitest";
import { applyTextRules, frenchSpacing, groupDigits, smartQuotes } from "../../src/model/text-rules.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

describe("quotation marks and apostrophes", () => {
  it("English: directional double quotes, single quotes inside, typographic apostrophes", () => {
    expect(smartQuotes(`the theme "Human rights in Belarus"`, "en")).toBe("the theme “Human rights in Belarus”");
    expect(smartQuotes(`He said "the phrase 'members present' means".`, "en")).toBe("He said “the phrase ‘members present’ means”.");
    expect(smartQuotes("the Council's work, the States' views", "en")).toBe("the Council’s work, the States’ views");
  });

  it("Spanish: “ ” as UN Spanish documents print them", () => {
    expect(smartQuotes(`titulado "Un concepto más amplio de la libertad"`, "es")).toBe("titulado “Un concepto más amplio de la libertad”");
  });

  it("French: « » outside, “ ” inside; English curly quotes converted too", () => {
    expect(smartQuotes(`le thème "Droits de l'homme"`, "fr")).toBe("le thème «Droits de l’homme»");
    expect(smartQuotes("le thème “Droits”", "fr")).toBe("le thème «Droits»");
    expect(smartQuotes(`« il a dit "non" »`, "fr")).toBe("« il a dit “non” »");
  });

  it("Arabic: ” opens and “ closes, as UN Arabic documents print them; curly quotes kept as typed", () => {
    expect(smartQuotes(`بشأن موضوع "حقوق الإنسان في بيلاروس"`, "ar")).toBe("بشأن موضوع ”حقوق الإنسان في بيلاروس“");
    expect(smartQuotes("نصها كالآتي: ”تنعقد الجمعية العامة“", "ar")).toBe("نصها كالآتي: ”تنعقد الجمعية العامة“");
  });

  it("Russian: « » outside, „ “ inside", () => {
    expect(smartQuotes(`на тему "Права человека в "Беларуси""`, "ru")).toBe("на тему «Права человека в „Беларуси“»");
    expect(smartQuotes("«по „делу“ о»", "ru")).toBe("«по „делу“ о»");
  });
});

describe("French spacing", () => {
  it("puts a narrow no-break space before ; : ! ? and inside « », replacing or inserting", () => {
    expect(frenchSpacing("Pourquoi ? Voici : trois; enfin!")).toBe(`Pourquoi${NNBSP}? Voici${NNBSP}: trois${NNBSP}; enfin${NNBSP}!`);
    expect(frenchSpacing("«oui»")).toBe(`«${NNBSP}oui${NNBSP}»`);
    expect(frenchSpacing("« oui »")).toBe(`«${NNBSP}oui${NNBSP}»`);
  });

  it("leaves times, addresses and doubled marks alone", () => {
    expect(frenchSpacing("à 10:30 sur https://undocs.org")).toBe("à 10:30 sur https://undocs.org");
    expect(frenchSpacing("Vraiment?!")).toBe(`Vraiment${NNBSP}?!`);
  });

  it("puts a narrow no-break space between a number and %", () => {
    expect(frenchSpacing("10 % et 5%")).toBe(`10${NNBSP}% et 5${NNBSP}%`);
  });
});

describe("digit groups", () => {
  it("makes the spaces of digit groups no-break (narrow in French)", () => {
    expect(groupDigits("1 500 000 personnes", "fr")).toBe(`1${NNBSP}500${NNBSP}000 personnes`);
    expect(groupDigits("10 000 personas", "es")).toBe(`10${NBSP}000 personas`);
    expect(groupDigits("10 000 человек", "ru")).toBe(`10${NBSP}000 человек`);
    // in Arabic the no-break space (bidi class CS) also keeps "1 234" one left-to-right number
    expect(groupDigits("بلغ العدد 1 234 طلبا", "ar")).toBe(`بلغ العدد 1${NBSP}234 طلبا`);
  });

  it("does not join a year and a number, and leaves English alone", () => {
    expect(groupDigits("en 2020 300 personnes", "fr")).toBe("en 2020 300 personnes");
    expect(groupDigits("10 000 people", "en")).toBe("10 000 people");
  });
});

describe("applyTextRules", () => {
  it("leaves Chinese and unlisted languages unchanged", () => {
    const zh = `主题为"白俄罗斯人权"的会议: 10 000人`;
    expect(applyTextRules(zh, "zh")).toBe(zh);
    expect(applyTextRules(zh, undefined)).toBe(zh);
    expect(applyTextRules(`"x"`, "de")).toBe(`"x"`);
  });

  it("applies every rule of the language", () => {
    expect(applyTextRules(`Le "Conseil" : 10 000 membres !`, "fr")).toBe(`Le «${NNBSP}Conseil${NNBSP}»${NNBSP}: 10${NNBSP}000 membres${NNBSP}!`);
  });
});
