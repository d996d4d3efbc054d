// match → judge → report, through crosscheck() on hand-built articles checked against the
// bundled references (two reports of 2 May 2017 on the Trump–Putin call about Syria).
import { describe, expect, it } from 'vitest';
import { parseClaim } from '@/lib/claims';
import { crosscheck } from '@/lib/index';
import { judge } from '@/lib/judge';
import { align, buildIndex, candidates } from '@/lib/match';
import { buildReport } from '@/lib/report';
import type { Article, Block, Report, Stance, Strictness, Verdict } from '@/lib/types';
import { bundledCompiled, bundledPrepared, must } from '../helpers/engine';

function article(sentences: string[], published = '2017-05-02', lang = 'en'): Article {
  const blocks: Block[] = sentences.map((text, i) => ({ kind: i === 0 ? 'heading' : 'paragraph', text }));
  return { url: 'https://news.example/syria-call', title: sentences[0] ?? '', published, lang, siteName: null, blocks };
}

const claimOf = (report: Report, text: string) =>
  must(
    report.claims.find((c) => c.text === text),
    `the claim "${text}"`,
  );
const flagged = (report: Report) => report.claims.filter((c) => c.verdict !== 'unverified').map((c) => c.text);

interface Case {
  text: string;
  verdict: Verdict;
  /** A phrase of a reference sentence the evidence must quote, with the stance it is cited for. */
  evidence?: [string, Stance];
}

const CASES: Case[] = [
  { text: 'Trump and Putin to talk about Syria by phone', verdict: 'agree' },
  {
    text: 'Donald Trump and Vladimir Putin will talk by telephone today about the crisis in Syria.',
    verdict: 'agree',
    evidence: ['speak by telephone', 'agree'],
  },
  { text: 'The US fired 39 cruise missiles at the Shayrat base.', verdict: 'contradict', evidence: ['59 cruise missiles', 'contradict'] },
  {
    text: 'The US fired 59 cruise missiles at the Shayrat airbase near Homs.',
    verdict: 'agree',
    evidence: ['59 cruise missiles', 'agree'],
  },
  { text: 'About 90 people died in the Khan Sheikhoun chemical attack.', verdict: 'agree', evidence: ['killed 90 people', 'agree'] },
  { text: 'The sarin attack killed 85 people.', verdict: 'disputed', evidence: ['killed 90 people', 'contradict'] },
  {
    text: 'At least 58 people were killed in the Khan Sheikhoun gas attack.',
    verdict: 'contradict',
    evidence: ['more than 80 people dead', 'contradict'],
  },
  {
    text: 'Orient News said 50 people were killed in the Khan Sheikhoun chemical attack.',
    verdict: 'contradict',
    evidence: ['killed 90 people', 'contradict'],
  },
  { text: 'The Khan Sheikhoun chemical attack happened on 14 March.', verdict: 'contradict', evidence: ['on 4 April', 'contradict'] },
  { text: 'The St Petersburg metro bombing killed 15 people on 13 April.', verdict: 'contradict', evidence: ['on 3 April', 'contradict'] },
  // another event of the same source on the page's date ("4 April", the gas attack) does not vouch for it
  {
    text: 'The suicide bombing on the St Petersburg metro, carried out on Tuesday 4 April, killed 15 people.',
    verdict: 'contradict',
    evidence: ['on 3 April', 'contradict'],
  },
  // a part of the dead counted apart: the whole is what is compared
  {
    text: 'The attack on Khan Sheikhoun on April 4 killed 86 people, among them more than 30 children, according to health officials.',
    verdict: 'disputed',
    evidence: ['killed 90 people', 'contradict'],
  },
  // two counts of one kind: where one matches, the other counts something else
  {
    text: 'Germany has taken in more than 600,000 Syrians, a sizeable share of the nearly 5 million who have fled the war.',
    verdict: 'agree',
    evidence: ['4.9 million Syrians have become refugees', 'agree'],
  },
  // how a vote went, an exclusive value; and its denial
  {
    text: 'At the UN Security Council, Russia abstained on a Western-backed resolution on Syria.',
    verdict: 'contradict',
    evidence: ['Russia vetoed a US-backed resolution', 'contradict'],
  },
  {
    text: 'Russia did not even bother to veto the Western resolution on Syria at the UN Security Council.',
    verdict: 'contradict',
    evidence: ['Russia vetoed a US-backed resolution', 'contradict'],
  },
  // the page's best match, the same one doing the same thing: another month is a conflict however the rest differs
  {
    text: 'The investigation was confirmed in February by FBI Director James Comey, who declined to say when it would be completed.',
    verdict: 'contradict',
    evidence: ['publicly confirmed that the agency', 'contradict'],
  },
  // but a date of another verb in the sentence ("testifies … tomorrow") is not that event's date
  {
    text: 'The FBI is still looking into links between people around the Trump campaign and Moscow, and James Comey, its director, testifies before the Senate Judiciary Committee tomorrow.',
    verdict: 'unverified',
  },
  // a headline naming its source after a dash; filler words ("meanwhile", "alleged") weigh nothing
  { text: 'Putin, Trump to discuss Syria in phone call – Kremlin', verdict: 'agree' },
  {
    text: "Meanwhile, the FBI continues to look into alleged links between Trump's campaign team and Moscow.",
    verdict: 'agree',
    evidence: ['The FBI is examining any ties', 'agree'],
  },
  // a president speaks for his country; "had nothing to do with" denies blame
  {
    text: "Putin repeated Moscow's position that the Syrian government was not to blame for the attack.",
    verdict: 'agree',
    evidence: ['Russia denied the Syrian government was responsible', 'agree'],
  },
  {
    text: 'Moscow has consistently maintained that Damascus had nothing to do with the April 4 incident.',
    verdict: 'agree',
    evidence: ['Russia denied the Syrian government was responsible', 'agree'],
  },
  // a measure word before the noun ("eight long years") describes it
  {
    text: 'This nightmare war in Syria has been raging for eight long years.',
    verdict: 'contradict',
    evidence: ['six-year conflict', 'contradict'],
  },
  { text: 'Medvedev said the strikes broke the law.', verdict: 'agree', evidence: ['the strikes were illegal', 'agree'] },
  {
    text: 'The Kremlin says the rebels were behind the gas attack, not Assad.',
    verdict: 'agree',
    evidence: ['blaming on rebel forces', 'agree'],
  },
  // who rang whom, with a state for its leader
  {
    text: 'Their first conversation, on January 28, was initiated by Mr Trump, who telephoned the Kremlin to discuss the campaign against Islamic State.',
    verdict: 'contradict',
    evidence: ['Putin called to congratulate Trump', 'contradict'],
  },
  // a population counted in a city is the city's
  {
    text: 'In Amman, where roughly 660,000 Syrians are registered with the UN refugee agency, many hope to go home.',
    verdict: 'unverified',
  },
  // a place named "on the Moscow metro", and a sentence saying nearly what the reference says
  {
    text: 'Mr Trump spoke to the Russian President in April to convey his condolences after a suicide bombing on the Moscow metro left 15 people dead.',
    verdict: 'contradict',
    evidence: ['St Petersburg metro suicide bombing', 'contradict'],
  },
  // one alone vetoes: another doer of it contradicts
  {
    text: 'Trump complained that Washington was not getting along with Russia after the US vetoed a Russian-drafted Syria text at the UN Security Council.',
    verdict: 'contradict',
    evidence: ['Russia vetoed a US-backed resolution', 'contradict'],
  },
  // a judgement whose holder goes unnamed agrees with the same judgement
  {
    text: 'The president himself said a couple of weeks ago that relations with Russia might be at an all-time low.',
    verdict: 'agree',
    evidence: ['may be at an all-time low', 'agree'],
  },
  // the act the date is the date of, between the same names, however much else the sentence says
  {
    text: 'When Donald Trump and Vladimir Putin finally spoke by telephone on Tuesday, Syria, where the two powers back opposing sides, was at the top of the agenda.',
    verdict: 'agree',
  },
  // a report's clock time is on its day: another day for the same scheduled call contradicts
  {
    text: 'The White House says the call is scheduled for 12:30 Washington time on Wednesday.',
    verdict: 'contradict',
    evidence: ['Syria is likely to be discussed', 'contradict'],
  },
  // "the US President" names the US
  { text: 'Putin and Trump to speak by phone, first time since U.S. strike on Syria', verdict: 'agree' },
  // a date of an act the conflicting sentence does not speak of (a veto, not the attack) is no conflict
  {
    text: 'APRIL 12 - Russia vetoes a U.S.-backed U.N. Security Council resolution on the gas attack.',
    verdict: 'agree',
    evidence: ['Russia vetoed a US-backed resolution', 'agree'],
  },
  // rejecting accusations that someone did it denies blaming them
  {
    text: "Moscow has rejected Western accusations that President Bashar al-Assad's forces carried out the attack.",
    verdict: 'agree',
    evidence: ['Russia denied the Syrian government was responsible', 'agree'],
  },
  // "last month" does not confirm "last week"
  {
    text: 'Dozens of civilians were killed in air strikes on Idlib province in Syria last week, according to a UK-based monitoring group.',
    verdict: 'unverified',
  },
  // "stopped short of" denies
  {
    text: 'Medvedev warned the strikes had come one step away from military clashes, but stopped short of calling them illegal.',
    verdict: 'contradict',
    evidence: ['the strikes were illegal', 'contradict'],
  },
  // a timetable given, a place of "the city of", blame pinned
  {
    text: 'Mr Comey has told the House Intelligence Committee that he expects the inquiry to be wrapped up within a few months.',
    verdict: 'contradict',
    evidence: ['no way for me to give you a timetable', 'contradict'],
  },
  {
    text: 'The Shayrat airfield lies northwest of the city of Homs.',
    verdict: 'contradict',
    evidence: ['southeast of Homs', 'contradict'],
  },
  { text: 'Russia, as ever, pinned the atrocity on the rebels.', verdict: 'agree', evidence: ['blaming on rebel forces', 'agree'] },
  // "never" is polarity, not a word the sentences share
  {
    text: 'Its director, James Comey, has never publicly confirmed the inquiry.',
    verdict: 'contradict',
    evidence: ['publicly confirmed that the agency', 'contradict'],
  },
  // someone the references do not name: not the same event, nor the same count
  { text: 'Erdogan also spoke to Trump by phone last month, presidential sources said.', verdict: 'unverified' },
  { text: 'Canada has taken in more than 40,000 Syrian refugees since late 2015.', verdict: 'unverified' },
  // …nor one the act is done to or with: another call, another visit
  { text: 'Mr Trump rang Mr Duterte last week to congratulate him on his win.', verdict: 'unverified' },
  { text: 'The Philippine president is due in Washington on 20 May.', verdict: 'unverified' },
  { text: 'President Erdogan and Mr Putin at their talks in Ankara on 9 March.', verdict: 'unverified' },
  // which came first: the same two events the other way round; the same order is no conflict
  {
    text: 'Trump said America was not getting along with Russia, shortly before Moscow vetoed a US-backed Syria resolution at the UN.',
    verdict: 'contradict',
    evidence: ['Trump said after Russia vetoed', 'contradict'],
  },
  {
    text: 'Hackers directed by Moscow got into the Democratic National Committee networks after the election.',
    verdict: 'contradict',
    evidence: ['ahead of the election', 'contradict'],
  },
  {
    text: 'Russia vetoed a US-backed resolution on Syria before Trump said the countries were not getting along at all.',
    verdict: 'agree',
  },
  // …and the same in a relative clause, the clause ending at its comma
  {
    text: 'The subway bombing, which came a day after the chemical attack in Syria, killed 15 people.',
    verdict: 'contradict',
    evidence: ['suicide bombing that killed 15 people on 3 April', 'contradict'],
  },
  // a toll's day is its event's: "the bombing that killed 15 people on 3 April" dates the bombing
  {
    text: "Trump called Putin after last week's suicide bombing on the St Petersburg metro.",
    verdict: 'contradict',
    evidence: ['suicide bombing that killed 15 people on 3 April', 'contradict'],
  },
  // an order the references' dates deny: the bombing (3 April) did not come after the attack (4 April)
  {
    text: 'Trump rang Putin to offer condolences after the bombing on the St Petersburg metro, which came a day after the gas attack on Khan Sheikhoun.',
    verdict: 'contradict',
    evidence: ['metro suicide bombing that killed 15 people on 3 April', 'contradict'],
  },
  // one UN body is not another
  {
    text: 'Russia vetoed a US-backed resolution on Syria in the UN General Assembly.',
    verdict: 'contradict',
    evidence: ['at the UN security council', 'contradict'],
  },
  // who tells the time is no part of what is timed
  {
    text: 'Our correspondent understands the call between the two leaders will start at 7.30pm BST.',
    verdict: 'contradict',
    evidence: ['12:30pm ET', 'contradict'],
  },
  // who placed the January call: the one called did not call
  {
    text: 'Their first conversation, placed by Mr Trump to the Kremlin on January 28, was about defeating Isis.',
    verdict: 'contradict',
    evidence: ['Putin called to congratulate Trump', 'contradict'],
  },
  // everyday words for the same things: standing by an ally, breaking into networks, colluding, a strain on ties
  { text: 'Russia continues to stand by the Assad regime.', verdict: 'agree' },
  {
    text: 'Hackers working for Moscow broke into the Democratic National Committee networks before the election, US intelligence agencies said.',
    verdict: 'agree',
  },
  { text: 'The FBI is looking into whether Trump campaign associates colluded with the Kremlin.', verdict: 'agree' },
  { text: 'Ties between Washington and Moscow are under severe strain.', verdict: 'agree' },
  // getting along: the same words the other way round
  {
    text: 'Trump said the US was getting along fine with Russia.',
    verdict: 'contradict',
    evidence: ['not getting along with Russia', 'contradict'],
  },
  // an act that ends what the reference says goes on; ending it denied is no denial
  { text: 'Moscow has since withdrawn its support for the Assad regime.', verdict: 'contradict' },
  { text: 'Moscow has never withdrawn its support for President Assad.', verdict: 'agree' },
  {
    text: 'The Pentagon has closed its inquiry into the payments Michael Flynn received from Russian government-linked firms.',
    verdict: 'contradict',
  },
  {
    text: 'The Pentagon has never closed its inquiry into the payments Michael Flynn received from Russian government-linked firms.',
    verdict: 'agree',
  },
  // who investigates: another agency denies; one the reference names beside others does not
  {
    text: 'The CIA is examining any ties between Trump campaign associates and the Kremlin.',
    verdict: 'contradict',
    evidence: ['The FBI is examining any ties', 'contradict'],
  },
  {
    text: 'Michael Flynn is under investigation by the State Department over payments from Russian government-linked firms.',
    verdict: 'contradict',
  },
  {
    text: 'The Pentagon is looking into the payments Michael Flynn received from firms linked to the Russian government.',
    verdict: 'agree',
  },
  // the first of a kind, dated by the page, where the references date one earlier between the same people
  {
    text: 'The two leaders first spoke in early April, when Trump rang with condolences.',
    verdict: 'contradict',
    evidence: ['the two presidents discussed how to defeat Isis', 'contradict'],
  },
  { text: 'Trump and Putin first spoke on January 28.', verdict: 'agree' },
  { text: 'Trump first spoke to Erdogan by phone in April.', verdict: 'unverified' },
  // a first word set beside a known name is a name too: the blame is Ankara's
  { text: 'Ankara, like Washington, blamed Damascus for the attack.', verdict: 'unverified' },
  // one who tells of the act is no participant: the day is still compared
  { text: 'Trump and Putin spoke by phone on Monday, Sean Spicer said.', verdict: 'contradict' },
  // a different culprit contradicts only for the same act on the same thing
  {
    text: 'US intelligence agencies have accused Moscow of directing the hackers who accessed the networks of the Democratic National Committee.',
    verdict: 'agree',
  },
  // the subject of "pointed the finger" is past the relative clause
  {
    text: 'Washington blamed the regime of President Bashar al-Assad, but Russia, which has backed Damascus throughout the war, pointed the finger at rebel fighters.',
    verdict: 'agree',
  },
  // numbers and headline capitals are no names: the count is still compared
  { text: 'REFUGEES - Roughly 4.9 million Syrians are registered as refugees abroad, according to UNHCR.', verdict: 'agree' },
  {
    text: 'Comey told the House Intelligence Committee he expected the investigation to wrap up within a few months.',
    verdict: 'contradict',
    evidence: ['no way for me to give you a timetable', 'contradict'],
  },
  // a subheading says too little to agree with anything
  { text: 'Investigations continue', verdict: 'unverified' },
  // who rang whom, swapped
  {
    text: 'The first call came in January, when Mr Trump rang Mr Putin and the two men discussed how to defeat Islamic State.',
    verdict: 'contradict',
    evidence: ['Putin called to congratulate Trump', 'contradict'],
  },
  // a source's sentence giving the page's date vouches for it, however far down the shortlist
  {
    text: 'Donald Trump and Vladimir Putin are due to speak by telephone later on Tuesday, the first time the two presidents will have talked since the US fired cruise missiles at a Syrian government airbase.',
    verdict: 'agree',
    evidence: ['for the first time since the US President ordered a missile strike', 'agree'],
  },
  {
    text: 'Mr Putin described the strike as an act of aggression that violated international law.',
    verdict: 'agree',
    evidence: ['violation of international law', 'agree'],
  },
  {
    text: 'The strike put a severe strain on relations between Washington and Moscow, which Mr Trump has said may be at an all-time low.',
    verdict: 'agree',
    evidence: ['may be at an all-time low', 'agree'],
  },
  {
    text: 'It will be the second time the two leaders have spoken since Mr Trump became US president.',
    verdict: 'contradict',
    evidence: ['third time', 'contradict'],
  },
  { text: 'Putin praised America’s military response.', verdict: 'contradict', evidence: ['condemned', 'contradict'] },
  { text: 'The UNHCR estimates 4.9 million Syrians have become refugees.', verdict: 'agree', evidence: ['4.9 million', 'agree'] },
  { text: 'The UNHCR estimates 2.9 million Syrians have become refugees.', verdict: 'contradict', evidence: ['4.9 million', 'contradict'] },
  { text: 'The leaders are due to speak at 1630 GMT, the White House said.', verdict: 'agree', evidence: ['12:30pm ET', 'agree'] },
  {
    text: 'The leaders are due to speak at 2:30pm ET, the White House said.',
    verdict: 'contradict',
    evidence: ['12:30pm ET', 'contradict'],
  },
  {
    text: 'Merkel will travel to Sochi to meet Putin, her first visit to Russia since 2013.',
    verdict: 'contradict',
    evidence: ['since 2015', 'contradict'],
  },
  {
    text: 'The US blamed rebel forces for the chemical attack.',
    verdict: 'contradict',
    evidence: ['held the Damascus regime responsible', 'contradict'],
  },
  { text: 'Medvedev said the strikes were legal.', verdict: 'contradict', evidence: ['said the strikes were illegal', 'contradict'] },
  { text: 'Medvedev said the strikes were illegal.', verdict: 'agree', evidence: ['said the strikes were illegal', 'agree'] },
  {
    text: 'In January, Trump called to congratulate Putin on his victory.',
    verdict: 'contradict',
    evidence: ['called to congratulate', 'contradict'],
  },
  // reported speech is its speaker's: Russia's denial does not contradict the US position
  { text: 'Russia denied the government was to blame for the chemical attack.', verdict: 'agree', evidence: ['Russia denied', 'agree'] },
  // the negation reaches the cue seven words on
  {
    text: 'Russia denied that the Syrian government was to blame for the chemical attack.',
    verdict: 'agree',
    evidence: ['Russia denied', 'agree'],
  },
  {
    text: 'The St Petersburg metro bombing killed 25 people on 3 April.',
    verdict: 'contradict',
    evidence: ['killed 15 people', 'contradict'],
  },
  // a possessive date dates the call, not the investigation the sentence is about
  { text: 'Tuesday’s call comes as the FBI investigates links between the Trump campaign and Russia.', verdict: 'agree' },
  // a death toll "put at" a figure, before a comma, between the references' two figures
  { text: 'Activists put the death toll from the chemical attack at 84, many of them children.', verdict: 'disputed' },
  { text: 'Washington blamed the regime of Bashar al-Assad for the chemical attack.', verdict: 'agree' },
  { text: 'Trump says relations with Russia may be at an all-time high.', verdict: 'contradict', evidence: ['all-time low', 'contradict'] },
  // a count in the war is not the count of the attack
  { text: 'More than 320,000 people have been killed in the war, a monitoring group says.', verdict: 'unverified' },
  { text: 'The chemical attack killed 20 people, a monitoring group says.', verdict: 'contradict' },
  // a clock time of the same kind of event, however little else is shared; another event's is not compared
  {
    text: 'Trump and Putin will discuss Syria in a call set for 1:30pm ET.',
    verdict: 'contradict',
    evidence: ['12:30pm ET', 'contradict'],
  },
  { text: 'Trump spoke to reporters about tax reform at a 10:30am ET briefing.', verdict: 'unverified' },
  // of names in a row the last is the head; a leader's forces are his government's
  { text: 'Washington blamed the gas attack on the forces of Syrian President Bashar al-Assad.', verdict: 'agree' },
  // a negation ends where the next verb is joined on
  { text: 'Moscow rejected the accusation and pointed the finger at rebel groups.', verdict: 'agree' },
  // the same words from another speaker, or with a name the reference lacks, are not the same statement
  { text: 'Damascus has denied any role in the attack.', verdict: 'unverified' },
  { text: 'The White House said the two leaders also discussed North Korea.', verdict: 'unverified' },
  // a count of people ends with the people; "clashes" and "clash" are one word
  {
    text: 'The six-year war has driven more than 5 million Syrians abroad as refugees, according to the UN refugee agency.',
    verdict: 'contradict',
    evidence: ['4.9 million', 'contradict'],
  },
  { text: 'Medvedev warned that the strike had left the two nuclear powers a step away from a military clash.', verdict: 'agree' },
  // one of an exclusive group that is also a name ("the Black Sea")
  { text: 'Before the call, Putin received Angela Merkel at his residence in Sochi, on the Caspian Sea.', verdict: 'contradict' },
  // the same statement with its negation flipped
  {
    text: 'The Pentagon has declined to open an inquiry into the payments his former national security adviser Michael Flynn received from Russian government-linked firms.',
    verdict: 'contradict',
    evidence: ['carrying out an inquiry', 'contradict'],
  },
  { text: 'Russia did not veto the US-backed resolution on Syria at the UN security council.', verdict: 'contradict' },
  // a timetable given against one refused
  { text: 'Comey told the House Intelligence Committee the inquiry would be finished by the summer.', verdict: 'contradict' },
  { text: 'Comey declined to say when the investigation would be finished.', verdict: 'agree' },
  // the place of the same meeting (the same people); another meeting's place is not compared
  {
    text: 'Putin spent Tuesday hosting German Chancellor Angela Merkel in Moscow.',
    verdict: 'contradict',
    evidence: ['Sochi', 'contradict'],
  },
  { text: 'Putin and Trump agreed to try to meet in person at the G20 summit in Hamburg in July.', verdict: 'unverified' },
  { text: 'On Wednesday, Mr Putin met Turkey’s president, Recep Tayyip Erdogan, in Sochi.', verdict: 'unverified' },
  // who backs whom, and who is gaining
  { text: 'Russian-backed Syrian fighters say they are closing in on the city of Tabqa.', verdict: 'contradict' },
  { text: 'The US-backed Syrian fighters admitted they had lost ground in the fight for Tabqa.', verdict: 'contradict' },
  // welcoming a visitor is hosting, not praise
  {
    text: 'Later on Wednesday, Mr Putin is due to welcome Turkey’s President Recep Tayyip Erdogan to the same resort for talks.',
    verdict: 'unverified',
  },
  // "last month" does not vouch for "7 April" against "4 April"
  {
    text: 'The attack on Khan Sheikhoun, which British tests later confirmed involved sarin, took place in the early hours of 7 April.',
    verdict: 'contradict',
    evidence: ['4 April', 'contradict'],
  },
  // who holds a town is one of a group, even where the words are part of a name ("rebel")
  { text: 'Khan Sheikhoun, a government-held town in Idlib province, was struck on 4 April.', verdict: 'contradict' },
  // the names before "that" in a cleft do what follows
  {
    text: 'Washington has consistently blamed the Syrian government, and it is Moscow and Damascus that have pointed the finger at rebel forces.',
    verdict: 'agree',
  },
  // the object of "congratulate" comes before the next verb, not at the end of the sentence
  {
    text: 'In late January, Mr Putin rang to congratulate the former reality television star on his election and the two agreed to co-operate against Islamic State.',
    verdict: 'agree',
  },
  // a count the page dates to another day is of another event
  {
    text: 'Dozens of civilians were killed in air strikes on rebel-held areas of Idlib over the weekend, a UK-based monitoring group said.',
    verdict: 'unverified',
  },
  // the same act between the same two actors is the same event: its date is compared however little else is shared
  {
    text: 'Back in February, Putin rang Trump to congratulate him on his stunning win.',
    verdict: 'contradict',
    evidence: ['January', 'contradict'],
  },
  // whose committee, whose firms: one of a group names which (never agreeing on its own)
  {
    text: 'US intelligence officials say Kremlin-directed hackers got into the Republican National Committee networks before the vote.',
    verdict: 'contradict',
    evidence: ['Democratic National Committee', 'contradict'],
  },
  {
    text: 'The Pentagon is looking into payments Michael Flynn took from companies tied to the Chinese government.',
    verdict: 'contradict',
  },
  // one word of the same statement denied in one and not the other
  {
    text: 'Trump said in April that America was getting along well with Russia after Moscow vetoed the US-backed resolution.',
    verdict: 'contradict',
    evidence: ['not getting along', 'contradict'],
  },
  {
    text: 'Trump complained that America was not getting along with Russia at all after Moscow vetoed the resolution.',
    verdict: 'agree',
  },
  // the law, who holds a town, and relations, in other words
  { text: 'Medvedev accepted at the time that the American strikes were within the bounds of international law.', verdict: 'contradict' },
  { text: 'Khan Sheikhoun, a town in Idlib province, has been under government control for years.', verdict: 'contradict' },
  { text: 'Trump insists that relations with Moscow are as good as they have ever been.', verdict: 'contradict' },
  // (with no one holding the view, the opposite words neither contradict nor agree)
  { text: 'The president, for his part, insists that relations with Moscow are as good as ever.', verdict: 'unverified' },
  // where a place the references rarely name lies, whoever else the sentences name
  {
    text: 'The Shayrat airfield lies near Hama, in the centre of the country.',
    verdict: 'contradict',
    evidence: ['southeast of Homs', 'contradict'],
  },
  { text: 'Erdogan is to see Putin in the Black Sea resort of Sochi next week.', verdict: 'unverified' },
  // a date beside an event the references date: the date of that event, whatever the sentence says of it
  {
    text: 'The White House blames Damascus for the chemical attack on Khan Sheikhoun last week.',
    verdict: 'contradict',
    evidence: ['4 April', 'contradict'],
  },
  // (and the right one does not make the sentence right)
  { text: 'The Kremlin again denied meddling in last year’s US election.', verdict: 'unverified' },
  // the subject of "were to blame" is blamed, the one set against it is not
  { text: 'Moscow maintains that rebel groups, not the Syrian army, were to blame for the attack.', verdict: 'agree' },
  // a headline's main clause said by a reference, its setting naming nothing the references do not
  { text: 'Trump and Putin to talk Syria by phone as Merkel visits Sochi', verdict: 'agree' },
  { text: 'Trump and Putin to talk Syria by phone as Erdogan visits Washington', verdict: 'unverified' },
  // other places, other meetings, other counts: nothing to compare
  { text: 'Moscow wants safe zones in rebel-held areas north of Homs, a Russian diplomat said.', verdict: 'unverified' },
  { text: 'Mr Putin at a Kremlin meeting in Moscow last week.', verdict: 'unverified' },
  { text: 'Jordan alone hosts more than 600,000 Syrian refugees, the UN says.', verdict: 'unverified' },
  { text: 'Germany has pledged to resettle 500 Syrian refugees over two years.', verdict: 'unverified' },
  // which committee heard it
  {
    text: 'Comey told the Senate Intelligence Committee in March that the FBI was investigating links between the Trump campaign and Russia.',
    verdict: 'contradict',
  },
  // a clock time of something other than the call
  { text: 'Merkel and Putin were due to hold a joint news conference at 1400 GMT.', verdict: 'unverified' },
  // a position voiced by someone the references do not quote is theirs
  { text: 'Analysts in Geneva said Moscow’s continued support for Assad was unwavering.', verdict: 'unverified' },
  { text: 'Prime Minister Ana Brnabic had described the US missile strike in April as proportionate.', verdict: 'unverified' },
  // a count of an earlier event than the references' undated one
  {
    text: 'In their second call, on 3 April, Trump offered Putin his condolences after the St Petersburg metro bombing.',
    verdict: 'agree',
  },
  // an office the references give someone else, or another
  {
    text: 'Russian President Dmitry Medvedev called the strikes illegal.',
    verdict: 'contradict',
    evidence: ['Russian PM Dmitry Medvedev', 'contradict'],
  },
  {
    text: 'Michael Flynn, Trump’s former chief of staff, is under Pentagon investigation over payments from Russian firms.',
    verdict: 'contradict',
  },
  // (a former office may be a past one)
  { text: 'Dmitry Medvedev, the former president, said the strikes were illegal.', verdict: 'agree' },
  // whose hackers
  {
    text: 'US intelligence agencies said Chinese hackers accessed the Democratic National Committee networks before the election.',
    verdict: 'contradict',
  },
  // a date just after "said" is when it was said
  {
    text: 'Russian police said yesterday they had arrested two more suspects over the St Petersburg metro bombing.',
    verdict: 'unverified',
  },
  // a participle's apposition is not the subject: the Kremlin blamed the rebels
  { text: 'Washington held Assad’s government responsible, while the Kremlin, echoing Damascus, blamed rebel fighters.', verdict: 'agree' },
  // the one called did not call
  { text: 'It was Trump who made the first call, on January 28, to talk about defeating Isis.', verdict: 'contradict' },
  // backing a text is the opposite of vetoing it
  {
    text: 'Russia supported the US-backed resolution on Syria at the UN security council.',
    verdict: 'contradict',
    evidence: ['vetoed', 'contradict'],
  },
  // the one counting is no place counted: "the United Nations" is the references' UN
  { text: 'The United Nations says more than 5 million Syrians have fled the six-year war as refugees.', verdict: 'contradict' },
  // clock times in the zones of other countries
  { text: 'The leaders are due to speak at 6.30pm CEST, the White House and the Kremlin said.', verdict: 'agree' },
  { text: 'The two presidents are due to speak at 8.30pm CEST, officials in Washington and Moscow said.', verdict: 'contradict' },
  // a question states nothing
  { text: 'How many times have Trump and Putin spoken since January?', verdict: 'unverified' },
  { text: 'Did the chemical attack kill 20 people?', verdict: 'unverified' },
  // the day someone took office is not the day of a call that congratulated him on winning the election
  { text: 'Trump was sworn in as president on January 20.', verdict: 'unverified' },
  // a shared month is no shared event: "January 20 - … sworn in" against "on January 28, the two presidents discussed…"
  { text: 'January 20 - Trump is sworn in as the 45th president of the United States.', verdict: 'unverified' },
  {
    text: 'Putin called Trump on January 18 to congratulate him.',
    verdict: 'contradict',
    evidence: ['the two presidents discussed', 'contradict'],
  },
  // a clock time is its own clause's: the rest of a long sentence does not hide the scheduled call
  {
    text: 'Trump and Putin speak by phone at 1230 GMT, their first conversation since the US missile strike.',
    verdict: 'contradict',
    evidence: ['The leaders are scheduled to speak', 'contradict'],
  },
  {
    text: 'Trump and Putin speak by phone at 1630 GMT, their first conversation since the US missile strike.',
    verdict: 'agree',
    evidence: ['The leaders are scheduled to speak', 'agree'],
  },
  // a wire's credit in brackets takes no part in the act
  {
    text: '(MNN) Trump and Putin spoke by phone on Tuesday afternoon, in a call the White House had slotted in for 11:30 a.m. ET.',
    verdict: 'contradict',
    evidence: ['The leaders are scheduled to speak', 'contradict'],
  },
  // a date before the event the references put it after ("In response, … fire 59 cruise missiles" after 4 April)
  {
    text: "April 3: U.S. warships fire 59 Tomahawk missiles at Syria's Shayrat air base.",
    verdict: 'contradict',
    evidence: ['In response', 'contradict'],
  },
  {
    text: 'US warships fired 59 Tomahawk missiles at the Shayrat air base on 2 April.',
    verdict: 'contradict',
    evidence: ['In response', 'contradict'],
  },
  // an inquiry that cleared someone is one that no longer goes on
  {
    text: 'The Pentagon has cleared former national security adviser Michael Flynn over fees he received from Russian companies.',
    verdict: 'contradict',
    evidence: ['Pentagon is carrying out an inquiry', 'contradict'],
  },
  // who called whom, in a timeline's present tense
  { text: 'January 28 - Trump telephones Putin to congratulate him, and the two discuss defeating Islamic State.', verdict: 'contradict' },
  // a voice the references do not quote, named after the quotation
  {
    text: '"The president needs to make clear to Putin that propping up Assad carries a price," said Sen. Mark Delacroix, a Republican.',
    verdict: 'unverified',
  },
  // a main clause a reference says, set before an event the references name too
  {
    text: "Merkel and Putin meet in Sochi ahead of Kremlin chief's call with Trump",
    verdict: 'agree',
    evidence: ['meet German Chancellor Angela Merkel', 'agree'],
  },
  {
    text: 'Merkel and Putin sat down together on Tuesday in Sochi.',
    verdict: 'agree',
    evidence: ['meet German Chancellor Angela Merkel', 'agree'],
  },
  // the White House speaks for Washington
  {
    text: "The White House had earlier said that ties with Moscow were at a 'low point'.",
    verdict: 'agree',
    evidence: ['low point', 'agree'],
  },
  {
    text: 'It was the fourth time the two men had spoken since the Republican took the oath of office in January.',
    verdict: 'contradict',
    evidence: ['third time', 'contradict'],
  },
  // who called whom needs more than the two names and the call to say which call it was
  {
    text: 'Trump called Putin to offer his condolences and support.',
    verdict: 'agree',
    evidence: ['offered condolences and support', 'agree'],
  },
  // the first of a series is only the first of the same series
  {
    text: 'Their first call came when Mr Putin rang to congratulate the new president on his victory, and the pair discussed defeating Islamic State.',
    verdict: 'agree',
  },
  { text: 'Trump placed the first call to Putin.', verdict: 'unverified' },
  // a zone's place is no one taking part, and a relative clause does not part a clock time from its subject
  { text: 'The call began at 8.30pm Moscow time.', verdict: 'contradict', evidence: ['The leaders are scheduled to speak', 'contradict'] },
  {
    text: 'The conversation, which took place on Tuesday, began at 19:30 Moscow time, according to the Kremlin press service.',
    verdict: 'agree',
    evidence: ['The leaders are scheduled to speak', 'agree'],
  },
  // a day is its own clause's: what the rest of a long sentence says does not hide the call it dates
  {
    text: 'US President Donald Trump and his Russian counterpart Vladimir Putin spoke over the phone on Tuesday night, their first conversation since American warships pounded a Syrian airbase last month.',
    verdict: 'agree',
  },
  // (not a day inside a "since" clause: it starts the series the ordinal counts)
  {
    text: "By the Kremlin's count, it was the third time the pair have spoken since Mr Trump was sworn in on January 20th.",
    verdict: 'agree',
  },
  // a picture's credit is no word of its caption
  {
    text: 'Trump on the phone with Putin from the Oval Office in January (Reuters file photo)',
    verdict: 'agree',
    evidence: ['on the phone in January', 'agree'],
  },
  {
    text: 'The conversation was seen as a chance to patch up some of the recent damage between the two capitals.',
    verdict: 'agree',
    evidence: ['repair recent damage', 'agree'],
  },
  // a line of a list of sources names a title; it states nothing
  { text: 'Sky News, "Donald Trump and Vladimir Putin to hold talks on Syria later," May 2, 2017', verdict: 'unverified' },
  { text: 'Kremlin press office, “Telephone conversation with the US President,” 2 May 2017.', verdict: 'unverified' },
  { text: 'The town’s bakery sells bread at dawn to its neighbours.', verdict: 'unverified' },
  { text: 'Local farmers harvested olives near the coast last autumn.', verdict: 'unverified' },
];

describe('crosscheck on a page about the story', () => {
  const page = article(CASES.map((c) => c.text));
  const report = crosscheck(page, bundledPrepared());

  it('finds the page relevant and names the story', () => {
    expect(report.relevant).toBe(true);
    expect(report.notice).toBeNull();
    expect(report.story).toBe(bundledCompiled().story.title);
  });

  it.each(CASES)('$verdict: "$text"', ({ text, verdict, evidence }) => {
    const claim = claimOf(report, text);
    expect(claim.verdict).toBe(verdict);
    if (verdict === 'unverified') expect(claim.evidence).toEqual([]);
    else expect(claim.evidence.length).toBeGreaterThan(0);
    if (verdict === 'disputed') expect(new Set(claim.evidence.map((e) => e.stance))).toEqual(new Set(['agree', 'contradict']));
    if (verdict === 'contradict') expect(claim.evidence.every((e) => e.stance === 'contradict')).toBe(true);
    if (evidence) {
      const [phrase, stance] = evidence;
      expect(claim.evidence).toContainEqual(expect.objectContaining({ stance, text: expect.stringContaining(phrase) }));
    }
  });

  // a negative-pole cue ("an all-time low") is described as said; only a negation adds "not"
  it.each<[string, Verdict, string]>([
    ['Trump has said relations between the two countries may be at an all-time low.', 'agree', 'page: trump low; UK news site: trump low'],
    [
      'Trump has said relations between the two countries are not at an all-time low.',
      'contradict',
      'page: trump not low; UK news site: trump low',
    ],
  ])('"%s" is %s, for the reason "%s"', (text, verdict, reason) => {
    const r = crosscheck(article(['Trump and Putin to talk about Syria by phone', text]), bundledPrepared());
    const claim = claimOf(r, text);
    expect(claim.verdict).toBe(verdict);
    expect(claim.evidence).toContainEqual(expect.objectContaining({ text: expect.stringContaining('all-time low'), reason }));
  });

  it('does not agree on wording with a sentence whose date the references give otherwise', () => {
    const text = 'The chemical attack on Khan Sheikhoun took place on 14 April.';
    const claim = claimOf(crosscheck(article(['Trump and Putin to talk about Syria by phone', text]), bundledPrepared()), text);
    // the references say 4 April; a date conflict is only flagged in a well-aligned sentence
    expect(claim.verdict).not.toBe('agree');
    expect(claim.evidence.filter((e) => e.stance === 'agree')).toEqual([]);
    if (claim.verdict === 'contradict')
      expect(claim.evidence).toContainEqual(expect.objectContaining({ text: expect.stringContaining('4 April') }));
  });

  it('quotes whole reference sentences, names their documents and outlets, and says why', () => {
    const refs = bundledCompiled();
    const sentences = new Set(refs.claims.map((c) => `${c.doc}\u0000${c.sentence}`));
    const outlets = new Map(refs.documents.map((d) => [d.id, d.outlet]));
    for (const c of report.claims) {
      for (const e of c.evidence) {
        expect(sentences).toContain(`${e.source}\u0000${e.text}`);
        expect(e.outlet).toBe(outlets.get(e.source));
        expect(e.reason.length).toBeGreaterThan(0);
      }
    }
  });

  it('names the detail that differs in a contradiction', () => {
    const [e] = claimOf(report, 'The US fired 39 cruise missiles at the Shayrat base.').evidence;
    expect(must(e).reason).toMatch(/39.*59/);
  });

  it('lists every sentence once, where it sits in its block', () => {
    expect(report.claims.map((c) => c.text)).toEqual(CASES.map((c) => c.text));
    for (const c of report.claims) expect(page.blocks[c.block]?.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('counts the verdicts', () => {
    const counts = { agree: 0, contradict: 0, disputed: 0, unverified: 0 };
    for (const c of CASES) counts[c.verdict]++;
    expect(report.counts).toEqual(counts);
  });

  it('lets a figure with nothing named around it take the topic of the sentence before', () => {
    const r = crosscheck(
      article([
        'Trump and Putin to talk about Syria by phone',
        'Donald Trump and Vladimir Putin will talk by telephone today about the crisis in Syria.',
        'The chemical attack on the rebel-held town of Khan Sheikhoun shocked the world.',
        'Nearly 90 were killed.',
      ]),
      bundledPrepared(),
    );
    expect(claimOf(r, 'Nearly 90 were killed.').verdict).toBe('agree');
  });

  it('gives no topic from a sentence the references do not speak of, and checks no toll nothing places', () => {
    const r = crosscheck(
      article([
        'Trump and Putin to talk about Syria by phone',
        'Donald Trump and Vladimir Putin will talk by telephone today about the crisis in Syria.',
        'Turkish police detained more than 200 people who tried to march to Taksim Square for May Day rallies.',
        'The city has been on alert since a New Year nightclub attack that killed 39 people.',
      ]),
      bundledPrepared(),
    );
    expect(claimOf(r, 'The city has been on alert since a New Year nightclub attack that killed 39 people.').verdict).toBe('unverified');
  });

  describe.each<Strictness>(['conservative'])('with strictness %s', (strictness) => {
    const strict = crosscheck(page, bundledPrepared(), { strictness });

    it('flags no more than balanced', () => {
      expect(strict.strictness).toBe(strictness);
      expect(flagged(strict).length).toBeLessThanOrEqual(flagged(report).length);
      expect(flagged(report)).toEqual(expect.arrayContaining(flagged(strict)));
    });

    it('still finds the page relevant', () => {
      expect(strict.relevant).toBe(true);
    });
  });
});

describe('negation that is not a denial', () => {
  // "had not spoken since" says what "the first time since" says
  it.each([
    'Donald Trump and Vladimir Putin had not spoken since the US strike on Syria.',
    'The chancellor had not been to Russia since 2015.',
  ])('"%s" is not contradicted', (text) => {
    const report = crosscheck(
      article(['Trump and Putin to speak about Syria by phone', ...CASES.slice(1, 6).map((c) => c.text), text]),
      bundledPrepared(),
    );
    expect(claimOf(report, text).verdict).not.toBe('contradict');
  });
});

describe('crosscheck on pages that are not about the story', () => {
  it.each<[string, string[], string]>([
    [
      'sport in Sochi, with Putin, a third time, 59 teams and more than 80 players',
      [
        'Putin plays ice hockey in Sochi',
        'Vladimir Putin scored eight goals in an ice hockey match in Sochi on Wednesday night.',
        'It was the third time the Russian president has played in the exhibition game at the arena.',
        'A record 59 teams entered the amateur tournament, which drew more than 80 players from abroad.',
        'Some 4,900 guests watched from the stands as the team of veterans won the match.',
        'The Kremlin said the president would fly back to Moscow on Thursday morning.',
      ],
      'not-relevant',
    ],
    [
      'a harbour fire',
      [
        'Blaze rips through harbour depot',
        'The fire at the Northport harbour depot started late on Tuesday night, according to the regional fire service.',
        'Twelve people were injured in the blaze, officials said on Wednesday morning after the flames were put out.',
        'Officials said the depot was empty at the time. The cause of the fire is still unknown.',
      ],
      'not-relevant',
    ],
  ])('%s: relevant false, nothing flagged', (_label, sentences, notice) => {
    const r = crosscheck(article(sentences, '2017-05-11'), bundledPrepared());
    expect(r.relevant).toBe(false);
    expect(r.story).toBeNull();
    expect(r.notice).toBe(notice);
    expect(flagged(r)).toEqual([]);
    expect(r.counts.unverified).toBe(r.claims.length);
    expect(r.claims.length).toBeGreaterThanOrEqual(sentences.length);
  });

  it('does not check a page in another language', () => {
    const r = crosscheck(
      article(
        [
          'Trump et Poutine vont discuter de la Syrie',
          'Donald Trump et Vladimir Poutine doivent s’entretenir mardi au téléphone de la guerre en Syrie, pour la première fois depuis les frappes américaines.',
          'Selon le Kremlin, la conversation portera aussi sur la lutte contre le terrorisme et sur les relations entre les deux pays.',
        ],
        '2017-05-02',
        'fr',
      ),
      bundledPrepared(),
    );
    expect(r.notice).toBe('not-english');
    expect(r.relevant).toBe(false);
    expect(flagged(r)).toEqual([]);
  });

  it('takes a compiled set as well as a prepared one', () => {
    const sentences = CASES.slice(0, 6).map((c) => c.text);
    const fromCompiled = crosscheck(article(sentences), bundledCompiled());
    expect(fromCompiled).toEqual(crosscheck(article(sentences), bundledPrepared()));
  });
});

describe('match: index and candidates', () => {
  const { index, lexicon } = bundledPrepared();
  const parse = (text: string) => parseClaim(text, { lexicon, published: '2017-05-02' });

  it('indexes every term of every reference claim', () => {
    const idx = buildIndex(bundledCompiled().claims);
    idx.claims.forEach((c, i) => {
      for (const t of c.claim.terms) expect(idx.postings.get(t)).toContain(i);
    });
    // a rarer term weighs more, and a term no reference uses weighs most
    const common = Math.min(...idx.idf.values());
    const rare = Math.max(...idx.idf.values());
    expect(rare).toBeGreaterThan(common);
    expect(idx.unseen).toBeGreaterThan(rare);
  });

  it('ranks the reference that says the same thing first', () => {
    const cands = candidates(parse('The US fired 39 cruise missiles at the Shayrat base.'), index);
    expect(index.claims[must(cands[0]).ref]?.sentence).toContain('59 cruise missiles');
    for (let i = 1; i < cands.length; i++) expect(must(cands[i - 1]).score).toBeGreaterThanOrEqual(must(cands[i]).score);
    for (const c of cands) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  });

  it.each([1, 3, 12])('returns at most %d candidates', (limit) => {
    expect(candidates(parse('Trump and Putin will discuss Syria by phone.'), index, limit).length).toBeLessThanOrEqual(limit);
  });

  it('finds nothing for a sentence that shares no term', () => {
    expect(candidates(parse('The bakery sells bread at dawn.'), index)).toEqual([]);
  });

  it('scores a sentence against itself as 1 and lists the shared terms', () => {
    const claim = parse('The US fired 59 cruise missiles at the Shayrat airbase.');
    const a = align(claim, claim, index);
    expect(a.score).toBeCloseTo(1, 9);
    expect(a.shared.sort()).toEqual([...claim.terms].sort());
  });
});

describe('judge and report', () => {
  const { index, lexicon, docs, refs } = bundledPrepared();

  const parse = (text: string) => parseClaim(text, { lexicon, published: '2017-05-02' });

  it.each(['Putin praised America’s military response.', 'The chemical attack on Khan Sheikhoun took place on 14 April.'])(
    'leaves "%s" unverified without candidates',
    (text) => {
      expect(judge(parse(text), [], index, docs, lexicon)).toEqual({ verdict: 'unverified', evidence: [] });
    },
  );

  it('compares a figure with the one value all references give for its unit, once the sentence aligns at all', () => {
    const claim = parse('The US fired 39 cruise missiles at the Shayrat base.');
    expect(judge(claim, [], index, docs, lexicon).verdict).toBe('unverified');
    const j = judge(claim, candidates(claim, index), index, docs, lexicon);
    expect(j.verdict).toBe('contradict');
    expect(j.evidence.map((e) => e.text)).toEqual([expect.stringContaining('59 cruise missiles')]);
  });

  it.each<[Verdict[], Record<Verdict, number>]>([
    [[], { agree: 0, contradict: 0, disputed: 0, unverified: 0 }],
    [
      ['agree', 'agree', 'contradict', 'unverified', 'disputed', 'unverified', 'unverified'],
      { agree: 2, contradict: 1, disputed: 1, unverified: 3 },
    ],
  ])('buildReport counts %j', (verdicts, counts) => {
    const a = article(['A headline for the report']);
    const claims = verdicts.map((verdict, i) => ({ text: `Sentence ${i}.`, verdict, evidence: [], block: i, start: 0, end: 11 }));
    const report = buildReport({ article: a, claims, relevant: true, refs, strictness: 'balanced', notice: null });
    expect(report.counts).toEqual(counts);
    expect(report).toMatchObject({
      input: a.url,
      title: a.title,
      published: a.published,
      lang: 'en',
      story: refs.story.title,
      references: refs.documents,
    });
  });

  it('names no story when the page is not relevant', () => {
    const report = buildReport({
      article: article(['x']),
      claims: [],
      relevant: false,
      refs,
      strictness: 'conservative',
      notice: 'not-relevant',
    });
    expect(report).toMatchObject({ relevant: false, story: null, strictness: 'conservative', notice: 'not-relevant' });
  });

  it('is plain data that survives JSON', () => {
    const report = crosscheck(article(CASES.slice(0, 6).map((c) => c.text)), bundledPrepared());
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
