/**
 * Focused behaviour of attribute(): the tricky cases of news attribution, one at a time.
 */
import { duplicateCues } from '../../../common/attribution/cues.ts';
import { describe, expect, it } from 'vitest';
import { attribute, ATTRIBUTION_VERSION } from '../../../common/attribution/index.ts';
import type { Attribution } from '../../../common/model/attribution.ts';

function find(text: string, quote: string): Attribution {
  const found = attribute(text).attributions.find((a) => a.quote === quote);
  if (!found)
    throw new Error(
      `no attribution for ${JSON.stringify(quote)} in ${JSON.stringify(attribute(text).attributions.map((a) => a.quote))}`,
    );
  return found;
}

describe('attribute', () => {
  it('exports a version number for cached results', () => {
    expect(Number.isInteger(ATTRIBUTION_VERSION)).toBe(true);
    expect(ATTRIBUTION_VERSION).toBeGreaterThan(0);
  });

  it('returns nothing for empty text', () => {
    expect(attribute('')).toEqual({ attributions: [], gaps: [] });
  });

  it('attributes both halves of a quote split around its cue', () => {
    const text =
      'Maria Costa runs the shelter.\n\n"We are full every night," she said. "Nobody should sleep outside in this cold."';
    const first = find(text, 'We are full every night,');
    const second = find(text, 'Nobody should sleep outside in this cold.');
    expect(first.kind).toBe('direct');
    expect(first.source).toMatchObject({ name: 'Maria Costa', kind: 'person' });
    expect(second.source).toMatchObject({ name: 'Maria Costa', kind: 'person' });
    expect(first.cue).toBe('said');
  });

  it('attributes the two parts of a quote interrupted mid-sentence', () => {
    const text =
      '"The problem," said Omar Haddad, the port manager, "is that nobody planned for ships this big."';
    expect(find(text, 'The problem,').source.name).toBe('Omar Haddad');
    const second = find(text, 'is that nobody planned for ships this big.');
    expect(second.source.name).toBe('Omar Haddad');
    expect(second.source.role).toBe('the port manager');
  });

  it('gives a quotation that runs over a paragraph break one statement per paragraph', () => {
    const text =
      'Lena Ortiz, the city engineer, described the repairs.\n\n"The bridge was never designed for this traffic. We have patched it for twenty years.\n\n"Now it has to be rebuilt," Ortiz said.';
    const parts = [
      'The bridge was never designed for this traffic. We have patched it for twenty years.',
      'Now it has to be rebuilt,',
    ];
    for (const quote of parts) {
      const a = find(text, quote);
      expect(a.kind).toBe('direct');
      expect(a.source).toMatchObject({ name: 'Lena Ortiz', role: 'the city engineer' });
      expect(text.slice(a.start, a.end)).toBe(quote);
    }
  });

  it('keeps the speaker of a colon-led quotation over all its paragraphs', () => {
    const text =
      'The force said: "We were called at 3.15pm to a report of a suspect vehicle.\n\n"The incident has now been stood down. Thanks for your patience."';
    const second = find(text, 'The incident has now been stood down. Thanks for your patience.');
    expect(second.source.name).toBe('The force');
    expect(
      find(text, 'We were called at 3.15pm to a report of a suspect vehicle.').source.name,
    ).toBe('The force');
  });

  it('separates a title with its portfolio from the name after it', () => {
    const text =
      'Federal Minister for Industries and Production Rana Tanveer Hussain said that there will be no talks until the party changes course.';
    const a = find(text, 'there will be no talks until the party changes course');
    expect(a.source).toMatchObject({
      name: 'Rana Tanveer Hussain',
      kind: 'person',
      role: 'Federal Minister for Industries and Production',
    });
  });

  it('resolves "he" to a titled subject after a dateline with a colon', () => {
    const text =
      'PESHAWAR: Khyber Pakhtunkhwa Chief Minister Ali Amin Gandapur on Sunday dismissed the reports.\n\n"There was no indication of his displeasure," he told Geo News.';
    expect(find(text, 'There was no indication of his displeasure,').source.name).toBe(
      'Ali Amin Gandapur',
    );
  });

  it('resolves a definite description to the person whose role it names', () => {
    const text =
      'Home Office minister Damian Hinds defended the plan on Monday.\n\nThe security minister added: "The fact is government departments talk to each other the whole time."';
    expect(
      find(text, 'The fact is government departments talk to each other the whole time.').source
        .name,
    ).toBe('Damian Hinds');
  });

  it('resolves "the agency" to the organisation named before it', () => {
    const text =
      'Fitch Ratings has downgraded the bank on Monday.\n\n"The downgrade reflects a drop in its core capital," the agency said in a statement.';
    expect(find(text, 'The downgrade reflects a drop in its core capital,').source.name).toBe(
      'Fitch Ratings',
    );
  });

  it('does not report the circumstance of speaking as what was said', () => {
    const text =
      'The minister said while talking to a private news channel that the talks would resume. Dismissing the allegations, he said the party had nothing to hide.';
    const quotes = attribute(text).attributions.map((a) => a.quote);
    expect(quotes).not.toContain('while talking to a private news channel');
    expect(quotes.some((q) => q.startsWith('Dismissing'))).toBe(false);
  });

  it('resolves a pronoun to the last fitting named speaker', () => {
    const text =
      'Jonas Berg, a fisherman from Tromso, said the catch had halved. "I have never seen the fjord this empty," he said.';
    expect(find(text, 'I have never seen the fjord this empty,').source.name).toBe('Jonas Berg');
  });

  it('skips a speaker whose pronoun does not fit', () => {
    const text =
      'Anna Weiss said the vote was close. "We expected it," she said. Mr. Tom Price said the count was fair. "It was clean," she added.';
    expect(find(text, 'It was clean,').source.name).toBe('Anna Weiss');
  });

  it('resolves a surname to the full name given earlier, with its role', () => {
    const text =
      'Emre Ersan, an associate professor at Marmara University, believes the plan has failed.\n\n"There is no plan B," Ersan says.';
    const a = find(text, 'There is no plan B,');
    expect(a.source).toMatchObject({
      name: 'Emre Ersan',
      kind: 'person',
      role: 'an associate professor at Marmara University',
    });
    const reported = find(text, 'the plan has failed');
    expect(reported.kind).toBe('indirect');
    expect(reported.cue).toBe('believes');
  });

  it('takes the role from a title before the name', () => {
    const text = 'Defense Minister Hulusi Akar said the troops would stay.';
    expect(find(text, 'the troops would stay').source).toMatchObject({
      name: 'Hulusi Akar',
      role: 'Defense Minister',
    });
  });

  it('reads reported speech in its common forms', () => {
    const text = [
      'The ministry said in a statement that 40 people had been arrested.',
      'More than 2,000 homes lost power, according to the utility.',
      'According to police, the driver was not injured.',
      'The storm will weaken by Friday, forecasters said.',
      'Residents told reporters the water had reached their doorsteps.',
    ].join('\n\n');
    expect(find(text, '40 people had been arrested').source).toMatchObject({
      name: 'The ministry',
      kind: 'organization',
    });
    expect(find(text, 'More than 2,000 homes lost power').cue).toBe('according to');
    expect(find(text, 'the driver was not injured').source).toMatchObject({
      name: 'police',
      kind: 'organization',
    });
    expect(find(text, 'The storm will weaken by Friday').source).toMatchObject({
      name: 'forecasters',
      kind: 'group',
    });
    expect(find(text, 'the water had reached their doorsteps').source).toMatchObject({
      name: 'Residents',
      kind: 'group',
    });
  });

  it('does not attribute scare quotes, titles or nicknames', () => {
    const text = [
      'Investors are still waiting for a so-called "peace dividend" from the deal.',
      'The director\'s new film, called "Blue Harbor," opens on Friday.',
      'The striker, known to fans as "the Professor," scored twice.',
      'Critics of the "smart city" scheme held a meeting.',
    ].join('\n\n');
    expect(attribute(text).attributions.filter((a) => a.kind === 'direct')).toEqual([]);
  });

  it('attributes a quoted phrase that a named speaker uses to label something', () => {
    const text =
      'Top Russian officials have often called Idlib a "breeding ground for terrorists."';
    expect(find(text, 'breeding ground for terrorists.').source).toMatchObject({
      name: 'Top Russian officials',
      kind: 'group',
    });
  });

  it('reports a speaker whose name the feed stripped as unknown, and marks the gap', () => {
    const text =
      'Turkey has accused the of violating the cease-fire and Turkish said the country has told Russia "the regime must be controlled."';
    const a = find(text, 'the regime must be controlled.');
    expect(a.source).toEqual({ name: null, role: null, kind: 'unknown' });
    expect(a.nearGap).toBe(true);
    const offsets = attribute(text).gaps.map((g) => g.offset);
    expect(offsets).toContain(text.indexOf('of violating'));
    expect(offsets).toContain(text.indexOf('said the country'));
  });

  it('reads curly quotation marks', () => {
    const text = '“We will rebuild,” Mayor Ana Lima said. “Every house, every school.”';
    expect(find(text, 'We will rebuild,').source.name).toBe('Ana Lima');
    expect(find(text, 'Every house, every school.').source.name).toBe('Ana Lima');
  });

  it('counts offsets in UTF-16 code units past emoji and other astral characters', () => {
    const text =
      'Fans posted 🎉🎉 and 𝐛𝐨𝐥𝐝 messages all night.\n\n"This is the best day of my life," said Priya Nair, a season-ticket holder.';
    const a = find(text, 'This is the best day of my life,');
    expect(a.start).toBe(text.indexOf('This is the best'));
    expect(text.slice(a.start, a.end)).toBe(a.quote);
    expect(a.source.name).toBe('Priya Nair');
  });
});

describe('gaps', () => {
  const offsets = (text: string): number[] => attribute(text).gaps.map((g) => g.offset);

  it('finds an article or preposition followed by what cannot follow it', () => {
    const text =
      'The for Human Rights said 12 people died. Many fled to the border with while others stayed. Emre Ersan, an and political science professor, agreed.';
    expect(offsets(text)).toEqual([
      text.indexOf('for Human'),
      text.indexOf('while others'),
      text.indexOf('and political'),
    ]);
  });

  it('finds a body paragraph cut off after its last word', () => {
    const text =
      'Thousands of families crowded into already overflowing camps along the river in\n\nAid agencies said supplies were running low across the region.';
    expect(offsets(text)).toEqual([text.indexOf(' in\n\n') + 3]);
  });

  it('finds clauses that lost their subject', () => {
    const text =
      'AP | Istanbul\n\nand are again facing an escalation of violence in the region, officials said.\n\nBut also needs to rein in the rebels before the talks in the spring.';
    const found = offsets(text);
    expect(found).toContain(text.indexOf('and are'));
    expect(found).toContain(text.indexOf('are again'));
    expect(found).toContain(text.indexOf('also needs'));
  });

  it('finds orphaned nationality adjectives but not whole noun phrases', () => {
    const text =
      'Turkish and Russian "have an incentive to cooperate," he said. Turkish and Russian officials met on Monday.';
    expect(offsets(text)).toEqual([text.indexOf('and Russian "'), text.indexOf('"have')]);
  });

  it('leaves well-formed text alone', () => {
    const text = [
      'Officials said the bridge would reopen on Monday after three weeks of repairs.',
      '"We are confident the work is done," said Karen Holt, the city\'s transport director.',
      'The council voted 7-2 in favor of the plan, which will cost about $4 million.',
      'Residents in the area have complained for years about traffic and noise.',
    ].join('\n\n');
    expect(offsets(text)).toEqual([]);
  });
});

describe('attribute: apposition, nesting and stripped subjects', () => {
  it('takes a name in apposition to a role description as the speaker', () => {
    const text =
      'A spokesman for the rebels, Lucien Bahati, denied the charge. He told reporters that the army had shelled the town first.';
    expect(find(text, 'the army had shelled the town first').source).toMatchObject({
      name: 'Lucien Bahati',
      role: 'A spokesman for the rebels',
    });
  });

  it('keeps the described person as speaker when the appositive names an organisation, with her gender', () => {
    const text = [
      'Dr Paul Okoro runs the clinic.',
      'A spokeswoman for the UN refugee agency, UNHCR, said more than 10,000 people had fled.',
      '"The camps are already full," she said.',
    ].join('\n\n');
    expect(find(text, 'The camps are already full,').source).toMatchObject({
      name: 'A spokeswoman for the UN refugee agency',
      kind: 'person',
    });
  });

  it('gives a quotation inside a reported clause to the reporting speaker', () => {
    const text =
      'Sen. Paul Marchetti said the ruling showed that lawmakers had "taken a shortcut" around the law.';
    expect(find(text, 'taken a shortcut').source.name).toBe('Paul Marchetti');
  });

  it('does not read a title modifier as a speech verb', () => {
    const text =
      'Republican state Sen. Paul Marchetti, who voted against the bill, said the ruling was fair.';
    expect(find(text, 'the ruling was fair').source.name).toBe('Paul Marchetti');
  });

  it('skips an adjunct before "that" and a parenthetical adverb after the subject', () => {
    const text =
      'Ana Ruiz, however, said on social media that the deal was dead. Tom Berg told AFP by telephone that talks would resume.';
    expect(find(text, 'the deal was dead').source.name).toBe('Ana Ruiz');
    expect(find(text, 'talks would resume').source.name).toBe('Tom Berg');
  });

  it('treats a bare singular role opening a sentence as a stripped name, and its pronoun as unknown', () => {
    const text =
      'Storms hit the coast overnight.\n\nProvincial disaster officer told reporters that power had been cut. He said two bridges had collapsed.';
    const result = attribute(text);
    expect(result.gaps.map((g) => g.offset)).toContain(text.indexOf('told reporters'));
    expect(find(text, 'power had been cut').source).toMatchObject({ name: null, kind: 'unknown' });
  });

  it('does not count a quoted modifier as a quotation', () => {
    const text = 'Officials said the five "guarantee" schemes would cost more than planned.';
    expect(attribute(text).attributions.map((a) => a.quote)).not.toContain('guarantee');
  });

  it('ends a reported clause before an appended comment', () => {
    const text =
      'The ministry said Rwanda was backing the rebels with troops, an accusation that Kigali denies.';
    expect(find(text, 'Rwanda was backing the rebels with troops').source.name).toBe(
      'The ministry',
    );
  });

  it('keeps a person of an organisation apart from it: "Simon Ellery of the Guardian"', () => {
    const text =
      'Simon Ellery of the Guardian called the film a "quiet masterpiece," while others were cooler.';
    expect(find(text, 'quiet masterpiece,').source.name).toBe('Simon Ellery');
  });
});

describe('attribute: titles, references back and stripped objects', () => {
  it('reads titles before a name as a role, not an organisation', () => {
    const text =
      'Chief Financial Officer Ingrid Haas said volumes had fallen. "Consumers are still trading down," she said.';
    expect(find(text, 'volumes had fallen').source).toMatchObject({
      name: 'Ingrid Haas',
      kind: 'person',
    });
    expect(find(text, 'Consumers are still trading down,').source.name).toBe('Ingrid Haas');
  });

  it('refers "the Kazakh" back to the person just named', () => {
    const text =
      'Elena Volkova said her shoulder hurt.\n\n"She was the better player," the Kazakh said.';
    expect(find(text, 'She was the better player,').source.name).toBe('Elena Volkova');
  });

  it('keeps a described speaker when only the object of "at the" was cut', () => {
    const text =
      'A senior official at the , who asked not to be named, said the programme had reduced pollution in many cities.';
    expect(find(text, 'the programme had reduced pollution in many cities').source).toMatchObject({
      name: 'A senior official at the',
      kind: 'person',
    });
  });

  it('ends a report before an appended comment that leads into a quotation', () => {
    const text =
      'Ana Ruiz warned that dairy prices would double if no law passed, a scenario critics call the "dairy cliff."';
    expect(find(text, 'dairy prices would double if no law passed').source.name).toBe('Ana Ruiz');
    expect(find(text, 'dairy cliff.').source.name).toBe('critics');
  });

  it('does not read "Department of Justice said" as a stripped title', () => {
    const text =
      'The Department of Justice said the inquiry was closed. A bench of Justice said the appeal had failed.';
    const offsets = attribute(text).gaps.map((g) => g.offset);
    expect(offsets).not.toContain(text.indexOf('said the inquiry'));
    expect(offsets).toContain(text.indexOf('said the appeal'));
  });
});

describe('attribute: wire-copy patterns (articles 35-40)', () => {
  const gapAt = (text: string, marker: string): boolean =>
    attribute(text).gaps.some((g) => g.offset === text.indexOf(marker));

  it('finds a role without an article or name as the subject of a speech verb', () => {
    const text =
      'Reacting to the demand, state BJP president termed it "cheap politics" and said an inquiry would fix responsibility. Speaking to reporters, Leader of the Opposition in the Assembly said the government had ignored warnings. The unit lets it focus on snacks, where Chief Executive has said she wants to double revenue.';
    expect(gapAt(text, 'termed it')).toBe(true);
    expect(gapAt(text, 'said the government')).toBe(true);
    expect(gapAt(text, 'has said she')).toBe(true);
    expect(find(text, 'an inquiry would fix responsibility').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
    expect(find(text, 'the government had ignored warnings').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
    expect(find(text, 'she wants to double revenue').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
  });

  it('leaves named, determined and possessed roles alone', () => {
    const text =
      "Deputy Commissioner Nitesh Patil said barricades had been put up. The state BJP president said the inquiry was fair. Harlow's attorney said his client was innocent. The Ministry of Health said it was ready.";
    expect(attribute(text).gaps).toEqual([]);
  });

  it('finds stripped objects between prepositions, after a possessive, before "or", and stripped subjects after "after"', () => {
    const text =
      "Researchers from in Shanghai found that tea helped. Bolivia's did not respond to requests. The young go to or to Chile to work. Rovers will face either or Newcastle United. He scored after was brought down in the box. Prices rose from at least 10 rupees.";
    expect(gapAt(text, 'in Shanghai')).toBe(true);
    expect(gapAt(text, 'did not respond')).toBe(true);
    expect(gapAt(text, 'or to Chile')).toBe(true);
    expect(gapAt(text, 'or Newcastle')).toBe(true);
    expect(gapAt(text, 'was brought')).toBe(true);
    expect(gapAt(text, 'at least')).toBe(false);
  });

  it('treats everything above the byline as title', () => {
    const text =
      'Former nurse charged in deaths of 3 patients at Ohio hospice\\, prosecutors say\n\nFormer nurse charged in deaths of 3 patients at Ohio hospice, prosecutors say\n\nAP\u00a0 |\u00a0 Columbus\u00a0\n\nA former nurse has been charged with murder, police said.';
    expect(attribute(text).gaps).toEqual([]);
  });

  it('takes a part of a group as the speaker: "one of the sources said", "one of them added"', () => {
    const text =
      'Halvorsen is exploring a sale, according to three people familiar with the matter. First-round bids are due in early March, one of the sources said. Rivals could also be interested, one of them added.';
    expect(find(text, 'First-round bids are due in early March').source).toMatchObject({
      name: 'the sources',
      kind: 'group',
    });
    expect(find(text, 'Rivals could also be interested').source).toMatchObject({
      name: 'the sources',
      kind: 'group',
    });
  });

  it('gives a participle after an attribution to that speaker', () => {
    const text =
      '"We had deployed 400 police personnel," Nitesh Patil said, adding that CCTV footage was being examined. Bids are due in March, one of the sources said, adding that a deal could be agreed by summer.';
    expect(find(text, 'CCTV footage was being examined').source.name).toBe('Nitesh Patil');
    expect(find(text, 'a deal could be agreed by summer').source.name).toBe('the sources');
  });

  it('keeps a question attributed by the name after it in one sentence', () => {
    const text =
      'Leader of the Opposition Ravi Gowda visited the site.\n\n"Eleven people died. Who will answer for this?" Gowda asked.';
    expect(find(text, 'Eleven people died. Who will answer for this?').source.name).toBe(
      'Ravi Gowda',
    );
  });

  it('reads a gerund phrase with its verb as a reported clause', () => {
    const text = 'Gary Whitmore said reaching the final was the proudest moment of his career.';
    expect(find(text, 'reaching the final was the proudest moment of his career').source.name).toBe(
      'Gary Whitmore',
    );
  });

  it('refers a description back to a person whose name was stripped', () => {
    const text =
      'Harlow\'s attorney, , said his client was innocent.\n\n"She is devastated by these accusations," the attorney said in an email.';
    expect(find(text, 'She is devastated by these accusations,').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
  });

  it('makes a bare role after the verb unknown when the name after it was cut', () => {
    const text =
      '"Tea contains compounds that may help," said lead author , a professor of urology at the university.';
    expect(find(text, 'Tea contains compounds that may help,').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
  });

  it('takes the opening name as subject when the appositive chain ends on a place', () => {
    const text =
      'Dr Anil Mehra, senior consultant, urology, at in New Delhi, who was not involved in the study, told IANS that the findings were plausible.\n\n"People simply do not drink enough water," he said.';
    expect(find(text, 'the findings were plausible').source.name).toBe('Anil Mehra');
    expect(find(text, 'People simply do not drink enough water,').source.name).toBe('Anil Mehra');
  });

  it('refers "the minister" back to a title whose name was stripped before a trailing verb', () => {
    const text =
      'The Centre will set up a fraud registry, Union Home Minister said on Thursday.\n\n"Each police station sees only one piece of the puzzle," the minister said.';
    expect(
      find(text, 'Each police station sees only one piece of the puzzle,').source,
    ).toMatchObject({ name: null, kind: 'unknown' });
  });

  it('reads a reported clause opening on "over" and a number', () => {
    const text = 'Rekha Nair said over 11 lakh complaints were registered in 2024.';
    expect(find(text, 'over 11 lakh complaints were registered in 2024').source.name).toBe(
      'Rekha Nair',
    );
  });

  it('finds a stripped subject after an introductory participle phrase', () => {
    const text =
      'Addressing a conference of state police chiefs here, said cyber criminals were exploiting the gaps between jurisdictions.';
    const r = attribute(text);
    expect(r.gaps.map((g) => g.offset)).toContain(text.indexOf('said'));
    expect(
      find(text, 'cyber criminals were exploiting the gaps between jurisdictions').source,
    ).toMatchObject({ name: null, kind: 'unknown' });
  });

  it('reads a subject with a bracketed abbreviation and a relative clause before its verb', () => {
    const text =
      'A senior official of the Indian Cyber Crime Coordination Centre (I4C), which will host the registry, said the first phase would cover six lakh numbers.';
    expect(find(text, 'the first phase would cover six lakh numbers').source.name).toBe(
      'A senior official of the Indian Cyber Crime Coordination Centre',
    );
  });

  it('makes a subject unknown when only its article is left before an appositive', () => {
    const text =
      'The , a digital rights group, said in a statement that it would write to the ministry.';
    expect(find(text, 'it would write to the ministry').source).toMatchObject({
      name: null,
      kind: 'unknown',
      role: 'a digital rights group',
    });
  });

  it('names the group when only the object of its preposition was stripped', () => {
    expect(
      find(
        'Shares fell.\n\nAnalysts at said the results were below their estimates.',
        'the results were below their estimates',
      ).source,
    ).toMatchObject({ name: 'Analysts', kind: 'group' });
    expect(
      find(
        'Researchers from in Shanghai said tea may protect the kidneys.',
        'tea may protect the kidneys',
      ).source.kind,
    ).toBe('group');
  });

  it('reads "the civic body said" as an organisation and a one-word gerund subject', () => {
    const text =
      'Six deaths have been confirmed so far, the civic body said.\n\nDr Meera Rao said fogging would be carried out twice a week.';
    expect(find(text, 'Six deaths have been confirmed so far').source).toMatchObject({
      name: 'the civic body',
      kind: 'organization',
    });
    expect(find(text, 'fogging would be carried out twice a week').source.name).toBe('Meera Rao');
  });

  it('reads no clause into an indefinite object ("declared an interim dividend")', () => {
    const text = 'The board declared an interim dividend of Rs 8 per share, the company said.';
    const r = attribute(text).attributions;
    expect(r).toHaveLength(1);
    expect(r[0]?.source.name).toBe('the company');
  });

  it('finds a stripped name after a title before an irregular past verb', () => {
    const text =
      'Cases rose again.\n\nHealth Minister held a review meeting with officials on Sunday.';
    expect(attribute(text).gaps.map((g) => g.offset)).toContain(text.indexOf('held'));
  });

  it('takes the noun phrase after "with" as the speaker of "saying"', () => {
    const text =
      'The party also sought an inquiry, with its state chief Prakash Shetty saying the magisterial probe would be a formality.';
    expect(find(text, 'the magisterial probe would be a formality').source.name).toBe(
      'Prakash Shetty',
    );
  });

  it('finds a stripped name after a title that follows a closing quotation mark', () => {
    const text =
      'Profit rose.\n\n"The turnaround is real," Chief Executive Officer said in a statement.';
    expect(attribute(text).gaps.map((g) => g.offset)).toContain(text.indexOf(' said') + 1);
    expect(find(text, 'The turnaround is real,').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
  });

  it('gives a quotation opening its paragraph to the speaker of the next sentence', () => {
    const text =
      'The official said data sharing was slow.\n\n"We have been asking for this for three years." Punjab police chief Harpreet Sandhu, who attended the meeting, said the registry would save weeks.';
    expect(find(text, 'We have been asking for this for three years.').source.name).toBe(
      'Harpreet Sandhu',
    );
  });

  it('gives a quotation after a colon to the subject of the clause the colon closes', () => {
    const text =
      'Callum Dalton scored twice.\n\nAsked about reports linking him with a move to the Premier League, Dalton smiled: "I am focused on the final. My agent can worry about the rest."';
    expect(
      find(text, 'I am focused on the final. My agent can worry about the rest.').source.name,
    ).toBe('Callum Dalton');
    const plan = 'The plan has three parts: "build, repair and replace the old pipes."';
    expect(attribute(plan).attributions.every((a) => a.source.kind !== 'person')).toBe(true);
  });

  it('reads the abbreviated title of an official ("The SP", "the DM") as a person, not an organisation', () => {
    const text =
      'Four people were arrested.\n\n"We are not ruling out a larger network." The SP said raids were under way.\n\n"Nobody will be spared," the DM said.';
    expect(find(text, 'We are not ruling out a larger network.').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
    expect(find(text, 'Nobody will be spared,').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
    const named =
      'Chief Minister Nitish Kumar visited the village.\n\n"Those who drink will die," the CM said.';
    expect(find(named, 'Those who drink will die,').source.name).toBe('Nitish Kumar');
  });

  it('points a pronoun at an official whose name was cut from an appositive', () => {
    const text =
      'Peter Odhiambo lost his brother.\n\nKenya\'s interior minister, , ordered the closure of the mines. "Enough is enough," he said in a statement.';
    expect(find(text, 'Enough is enough,').source).toMatchObject({ name: null, kind: 'unknown' });
  });

  it('points a pronoun at the person named after a party and a role, not at the party', () => {
    const text =
      'Chief Minister expressed grief.\n\nSamajwadi Party chief Akhilesh Yadav blamed the government. "This was negligence," he said.';
    expect(find(text, 'This was negligence,').source.name).toBe('Akhilesh Yadav');
  });

  it('names the person who posted, not the platform ("wrote Marta Villar on Instagram")', () => {
    const text =
      'Tributes poured in. "She played with a courage that you cannot teach," wrote compatriot Marta Villar on Instagram.';
    expect(find(text, 'She played with a courage that you cannot teach,').source.name).toBe(
      'Marta Villar',
    );
  });

  it('reads a title and lower-case descriptors before a name as one subject ("Former world number three Lucia Ortega")', () => {
    const text =
      'Former world number three Lucia Ortega retired on Monday, saying her body "could not take any more".';
    expect(find(text, 'could not take any more').source.name).toBe('Lucia Ortega');
  });

  it('reads "..., X told reporters." as a trailing attribution of reported speech', () => {
    const text =
      'Anand Krishnan runs the company.\n\nThe plant, to be built on 200 acres, will make one million scooters a year, Krishnan told reporters.';
    const st = find(
      text,
      'The plant, to be built on 200 acres, will make one million scooters a year',
    );
    expect(st.kind).toBe('indirect');
    expect(st.source.name).toBe('Anand Krishnan');
  });

  it('points a trailing "he said" at an official whose title had a complement and whose name was cut', () => {
    const text =
      'Mohan Das lives in the village.\n\n"Samples have been sent to the laboratory," Saran Superintendent of Police told PTI.\n\nFour people, including the alleged supplier, have been arrested, he said.';
    const st = find(text, 'Four people, including the alleged supplier, have been arrested');
    expect(st.source).toMatchObject({ name: null, kind: 'unknown' });
  });

  it('gives a quotation to a stripped speaker when only a title with its complement is left ("Leader of Opposition hit back:")', () => {
    const text =
      'Tejashwi Yadav toured the district.\n\nLeader of Opposition hit back: "The Chief Minister should stop lecturing the poor. Liquor is sold openly."';
    expect(
      find(text, 'The Chief Minister should stop lecturing the poor. Liquor is sold openly.')
        .source,
    ).toMatchObject({ name: null, kind: 'unknown' });
  });

  it('reads a second comma after a quotation as a cut name before its appositive', () => {
    const text =
      'Officials said the fee would rise.\n\n"The fee had not been revised since 2015," , a senior official at the Department of Tourism, told AFP.';
    expect(find(text, 'The fee had not been revised since 2015,').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
    expect(attribute(text).gaps.map((g) => g.offset)).toContain(text.indexOf(', a senior'));
  });

  it('gives a short quotation after "with X saying" or "with leader describing" to the noun phrase after "with"', () => {
    const named =
      'The party sought an inquiry, with its state chief Prakash Shetty saying the probe would be "an eyewash".';
    expect(find(named, 'an eyewash').source.name).toBe('Prakash Shetty');
    const cut =
      'Farmer unions threatened an agitation, with leader describing the move as "a betrayal of farmers who trusted the government".';
    expect(find(cut, 'a betrayal of farmers who trusted the government').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
  });

  it('gives "what it called "..."" to the subject of the sentence', () => {
    const text =
      'Shares fell.\n\nBrandt Motoren declined to comment on what it called "market speculation".';
    expect(find(text, 'market speculation').source.name).toBe('Brandt Motoren');
  });

  it('finds a name cut after a bare firm noun opening the sentence ("Brokerage said in a note")', () => {
    const text =
      'Shares rose.\n\nBrokerage said in a note that the plan was "ambitious but affordable".';
    expect(attribute(text).gaps.map((g) => g.offset)).toContain(text.indexOf('said in a note'));
    expect(find(text, 'ambitious but affordable').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
  });

  it('keeps a plural possessive in the speaker ("The carrier\'s employees\' union")', () => {
    const text =
      'Profit rose.\n\nThe carrier\'s employees\' union welcomed the results but said staff now wanted "a share of the good times".';
    expect(find(text, 'a share of the good times').source.name).toBe(
      "The carrier's employees' union",
    );
  });

  it('reads "about a fifth of ..." as the start of a reported clause', () => {
    const text =
      'The company, which sold 1.4 million vehicles last year, said about a fifth of its sales would come from electric models by 2030.';
    expect(
      find(text, 'about a fifth of its sales would come from electric models by 2030').kind,
    ).toBe('indirect');
  });

  it('takes "the Frankfurter Allgemeine newspaper" whole as the listener of "told"', () => {
    const text =
      'Works council chief Ulrike Haas told the Frankfurter Allgemeine newspaper the workforce felt betrayed by the board.';
    const st = find(text, 'the workforce felt betrayed by the board');
    expect(st.source.name).toBe('Ulrike Haas');
  });

  it("ends a reported clause before the speaker's own participle and reads a nationality with descriptors before a name as one subject", () => {
    const text =
      'German chemicals maker Adler Chemie cut its forecast on Thursday and said it would close two plants in Germany, blaming weak demand and high energy costs.';
    const st = find(text, 'it would close two plants in Germany');
    expect(st.source.name).toBe('Adler Chemie');
  });

  it('keeps "in the ministry" in a person noun\'s description ("An official in the ministry ... was more blunt:")', () => {
    const text =
      'The minister defended the change.\n\nAn official in the ministry, who did not wish to be named, was more blunt: "Claims were ten times the premium collected. No company will underwrite that."';
    expect(
      find(text, 'Claims were ten times the premium collected. No company will underwrite that.')
        .source.name,
    ).toBe('An official in the ministry');
  });

  it('gives "praised the film\'s "..."" to the subject before a phrase whose cut name ended it', () => {
    const text =
      'The prize went to Luna.\n\nThe jury, led by the Kenyan-born actor , praised the film\'s "patience and rage" in a statement.';
    expect(find(text, 'patience and rage').source.name).toBe('The jury');
    const role =
      'Bail was refused.\n\nHis lawyer, senior advocate , argued that the arrest was illegal.';
    expect(find(role, 'the arrest was illegal').source).toMatchObject({
      name: null,
      kind: 'unknown',
    });
  });

  it('reads an age in brackets, "the 45-year-old" and an abbreviated title before a name in wire attributions', () => {
    expect(
      find('"We will fight till the end," Kumar (45) said.', 'We will fight till the end,').source
        .name,
    ).toBe('Kumar');
    expect(
      find(
        'Ravi Kumar arrived.\n\n"We will fight till the end," the 45-year-old said.',
        'We will fight till the end,',
      ).source.name,
    ).toBe('Ravi Kumar');
    expect(
      find(
        '"We will fight till the end," Delhi Police PRO Ravi Kumar said.',
        'We will fight till the end,',
      ).source.name,
    ).toBe('Ravi Kumar');
  });

  it('gives "was quoted as saying" to its subject and "quoted X as saying" to its object', () => {
    expect(
      find(
        'Ravi Kumar arrived.\n\n"We are ready," Kumar was quoted as saying by the news agency.',
        'We are ready,',
      ).source.name,
    ).toBe('Ravi Kumar');
    expect(
      find('"We are ready," Reuters quoted Kumar as saying.', 'We are ready,').source.name,
    ).toBe('Kumar');
    expect(
      find(
        'Ravi Kumar was quoted as saying: "We are ready for the polls."',
        'We are ready for the polls.',
      ).source.name,
    ).toBe('Ravi Kumar');
    const reported = find(
      'Ravi Kumar was quoted as saying the party would contest all seats.',
      'the party would contest all seats',
    );
    expect(reported.kind).toBe('indirect');
    expect(reported.source.name).toBe('Ravi Kumar');
  });

  it('reads cut speakers around the verb: "said of the Centre", "told PTI" after a quotation, a bare role before the verb', () => {
    const P = 'Asha Rao arrived on Monday.\n\n';
    expect(
      find(P + '"We are ready," said of the Centre for Policy Research.', 'We are ready,').source,
    ).toMatchObject({ name: null, kind: 'unknown' });
    expect(
      find(P + '"We are ready for the polls," told PTI.', 'We are ready for the polls,').source,
    ).toMatchObject({ name: null, kind: 'unknown' });
    expect(
      find(
        P + 'Opposition leader slammed the government. "We are ready for the polls," he said.',
        'We are ready for the polls,',
      ).source,
    ).toMatchObject({ name: null, kind: 'unknown' });
  });

  it('continues a turn with a short whole-sentence quotation in the same paragraph', () => {
    const text =
      'Maria Lopez fled the fire.\n\n"It was terrifying," Lopez said. "We lost everything."';
    expect(find(text, 'We lost everything.').source.name).toBe('Maria Lopez');
    const scare =
      'Maria Lopez fled the fire.\n\n"It was terrifying," Lopez said. The "safe zone" was not safe.';
    expect(attribute(scare).attributions.some((a) => a.quote === 'safe zone')).toBe(false);
  });

  it('points "the collector" and "the district collector" back at the person so described, and reads Indian-English speech verbs', () => {
    const P = 'Ravi Kumar, the district collector, inspected the site on Sunday.\n\n';
    expect(
      find(
        P + '"The situation is under control," the collector said.',
        'The situation is under control,',
      ).source.name,
    ).toBe('Ravi Kumar');
    expect(
      find(
        P + '"The situation is under control," the district collector said.',
        'The situation is under control,',
      ).source.name,
    ).toBe('Ravi Kumar');
    for (const verb of ['reiterated', 'informed', 'averred', 'assured', 'underlined']) {
      expect(
        find(
          P + `"Relief camps have been set up in 14 villages," Kumar ${verb}.`,
          'Relief camps have been set up in 14 villages,',
        ).source.name,
      ).toBe('Ravi Kumar');
    }
  });

  it('gives a quotation after a sentence-opening "According to X," to X', () => {
    const text =
      'Ravi Kumar inspected the site.\n\nAccording to Kumar, "the situation is under control".';
    expect(find(text, 'the situation is under control').source.name).toBe('Ravi Kumar');
  });

  it('splits "said ..., adding that ..." into two reported statements', () => {
    const text =
      'Ravi Kumar said 14 relief camps had been set up, adding that food packets were being distributed.';
    expect(find(text, '14 relief camps had been set up').source.name).toBe('Ravi Kumar');
    expect(find(text, 'food packets were being distributed').source.name).toBe('Ravi Kumar');
  });

  it('points "he" at a title whose name was cut with no speech verb near it', () => {
    const P = 'Opposition leader Ravi Kumar criticised the plan.\n\n';
    const cases = [
      'Union Home Minister on Monday reviewed the situation. "We are ready," he said.',
      'The meeting was chaired by Chief Minister .\n\n"We are ready," he said.',
      'Meanwhile, state Congress chief visited the victims in hospital. "We are ready," he said.',
      'BJP MP also visited the site. "We are ready," he said.',
    ];
    for (const c of cases)
      expect(find(P + c, 'We are ready,').source, c).toMatchObject({ name: null, kind: 'unknown' });
    const named = find(
      P + 'Meanwhile, Kumar visited the victims in hospital. "We are ready," he said.',
      'We are ready,',
    );
    expect(named.source.name).toBe('Ravi Kumar');
    expect(
      attribute('Ravi Kumar spoke.\n\nThe Chief Minister on Monday reviewed the situation.').gaps,
    ).toEqual([]);
  });

  it('reports only the quotation when a short quoted phrase completes the reported clause', () => {
    const a = attribute(
      'Economy Minister Petra Hollmann said the government would present plans for a power price "within weeks".',
    );
    expect(a.attributions.filter((x) => x.kind === 'indirect')).toEqual([]);
    expect(
      find(
        'Economy Minister Petra Hollmann said the government would present plans for a power price "within weeks".',
        'within weeks',
      ).source.name,
    ).toBe('Petra Hollmann');
    const b = attribute(
      'Analyst Neha Agarwal said the airline\'s debt of nearly Rs 9,000 crore remained "the elephant in the room".',
    );
    expect(b.attributions.filter((x) => x.kind === 'indirect')).toEqual([]);
    // A complete first conjunct before the quoted phrase is still reported.
    const c =
      'Pacific Crest said that it was reviewing the complaint and that the safety of its staff was "our highest priority."';
    expect(find(c, 'it was reviewing the complaint').source.name).toBe('Pacific Crest');
  });

  it('reads a name of several capitalised words before a group noun as part of the group', () => {
    const text =
      'European Union antitrust regulators on Tuesday opened an investigation into the deal, saying the deal could reduce choice for businesses.';
    expect(find(text, 'the deal could reduce choice for businesses').source.name).toBe(
      'European Union antitrust regulators',
    );
  });

  it('takes the whole phrase up to the comma after a sentence-opening "According to"', () => {
    const text =
      'According to officials of the Assembly secretariat, the House transacted business for less than two hours on Thursday.';
    expect(
      find(text, 'the House transacted business for less than two hours on Thursday').source.name,
    ).toBe('officials of the Assembly secretariat');
  });

  it('gives the subject, not a stripped name, the verb after a relative clause behind "Meanwhile,"', () => {
    const text =
      'Meanwhile, activist T M Shivanna, who had filed the complaint with the , said he would approach the Governor.\n\n"I have documents for every site," he told PTI.';
    expect(find(text, 'he would approach the Governor').source.name).toBe('T M Shivanna');
    expect(find(text, 'I have documents for every site,').source.name).toBe('T M Shivanna');
  });
});

describe('gaps: lists, credit lines and clauses cut around their verbs', () => {
  const offsets = (text: string): number[] => attribute(text).gaps.map((g) => g.offset);

  it('finds both names of a coordinated subject that was cut before its verb', () => {
    const text =
      'Demand has slowed in China. Output from , and is also rising. Growth in and slowed this year.';
    const found = offsets(text);
    expect(found).toContain(text.indexOf('and is'));
    expect(found).toContain(text.indexOf('is also'));
    expect(found).toContain(text.indexOf('slowed this'));
  });

  it('leaves a clause break after a cut object and whole coordinated verbs alone', () => {
    const text =
      'Shares rose in early trade and fell later in the day. Prices climbed, and are expected to stay high.';
    expect(offsets(text)).toEqual([]);
  });

  it('finds a wire credit line with its names cut', () => {
    const text =
      'The plant will close next year, the company said.\n\n(Reporting by ; Editing by )';
    const found = offsets(text);
    expect(found).toContain(text.indexOf(';'));
    expect(found).toContain(text.indexOf(')'));
    expect(
      offsets(
        'The plant will close next year, the company said.\n\n(Reporting by Ana Ruiz; Editing by Sam Holmes)',
      ),
    ).toEqual([]);
  });

  it('finds the author of a report cut before its verb', () => {
    const text = 'A 2022 report by found that fewer than half of the wells were safe.';
    expect(offsets(text)).toEqual([text.indexOf('found')]);
    expect(
      offsets('A 2022 report by the agency found that fewer than half of the wells were safe.'),
    ).toEqual([]);
  });

  it('finds a subordinator or place preposition followed straight by a past verb and its object', () => {
    const text =
      'The side reached 212 for 3 before lost three wickets in an hour. Floods and landslides in killed 25 people last year.';
    const found = offsets(text);
    expect(found).toContain(text.indexOf('lost three'));
    expect(found).toContain(text.indexOf('killed 25'));
  });

  it('leaves participles used as adjectives after a preposition alone', () => {
    const text =
      'The water was stored in sealed containers after injured workers were moved, because indeed the roads were shut.';
    expect(offsets(text)).toEqual([]);
  });

  it('finds a subordinator straight before "or"', () => {
    const text =
      'The standoff could drag on for weeks unless or , which have mediated before, step in.';
    expect(offsets(text)).toContain(text.indexOf('or ,'));
    expect(
      offsets('The standoff could drag on for weeks unless and until the two sides agree to talk.'),
    ).toEqual([]);
  });

  it('finds an employer cut between a person and "who"', () => {
    const text =
      'Ana Ruiz, a competition lawyer at who is not involved in the case, said the deal was large.';
    expect(offsets(text)).toContain(text.indexOf('who is'));
    expect(
      offsets('Voters will look at who is running before they decide, the analyst said.'),
    ).toEqual([]);
  });

  it('finds a name cut after Speaker or the Leader of Opposition', () => {
    const text =
      'The party walked out of the Assembly after Speaker rejected its demand. Leader of Opposition hit back at the government.';
    const found = offsets(text);
    expect(found).toContain(text.indexOf('rejected'));
    expect(found).toContain(text.indexOf('hit back'));
    expect(offsets('The party walked out after the Speaker rejected its demand.')).toEqual([]);
  });

  it('finds a name cut between two spaces, unless the text is loosely spaced throughout', () => {
    const text =
      'Climbers must carry their waste down, under rules introduced last year by the  rural municipality.';
    expect(offsets(text)).toEqual([text.indexOf('  ') + 1]);
    expect(offsets('The  council  met  on  Monday  and  voted  to  close the road.')).toEqual([]);
  });
});

describe('gaps: stranded prepositions, bare districts, "beat by", "the ahead of"', () => {
  const offsets = (text: string): number[] => attribute(text).gaps.map((g) => g.offset);

  it('finds "in"/"by" left at a clause end after a participle that needs its object', () => {
    const text =
      'Two fishermen were reported missing in. The contract went to a consortium led by. Investigators said more.';
    const found = offsets(text);
    expect(found).toContain(text.indexOf('in.') + 2);
    expect(found).toContain(text.indexOf('by.') + 2);
    expect(offsets('The rates were locked in. Protesters stood by, watching the police.')).toEqual(
      [],
    );
  });

  it('finds a bare district or county after a place name', () => {
    const text =
      'Rescuers reached the village of Masara in county after days of rain, and the village of Lembang in district, where houses fell.';
    const found = offsets(text);
    expect(found).toContain(text.indexOf('county after'));
    expect(found).toContain(text.indexOf('district,'));
    expect(offsets('Voters in Kerala turned out in district council polls on Sunday.')).toEqual([]);
  });
});

describe('cue-verb table', () => {
  it('lists every speech verb under one frame only', () => {
    expect(duplicateCues()).toEqual([]);
  });
});
