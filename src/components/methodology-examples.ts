/**
 * The worked examples of the methodology page: small sections scored at build
 * time by the real engine, so the page can never disagree with the scores.
 */
import type { Assessment } from '../domain/assessment.ts';
import { buildModel } from '../domain/model.ts';
import { questionnaireSchema, type Method } from '../domain/questionnaire-schema.ts';
import { formatScore, scoreAssessment } from '../domain/scoring.ts';

export interface ExampleRow {
  id: string;
  shown: string;
  weight: number;
  position: number | null;
  level: number | undefined;
}

export interface WorkedExample {
  method: Method;
  note: { en: string; fr: string; es: string; ar: string };
  rows: ExampleRow[];
  result: string;
  score: number | null;
  explanation: string;
}

const five = { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value}` })) };
const letters = {
  display: 'label',
  levels: ['D', 'C', 'B', 'A'].map((label, index) => ({ value: index + 1, label })),
};
const mil = { display: 'label', levels: [0, 1, 2, 3].map((value) => ({ value, label: `MIL${value}` })) };
const rubric = (values: number[]) =>
  Object.fromEntries(values.map((value) => [String(value), `level ${value}`]));

interface Spec {
  method: Method;
  note: { en: string; fr: string; es: string; ar: string };
  scale: object;
  scoring: Record<string, unknown>;
  items: {
    id: string;
    value: unknown;
    weight?: number;
    level?: number;
    na?: boolean;
    type?: string;
    options?: object[];
  }[];
}

function run(spec: Spec): WorkedExample {
  const values = (spec.scale as { levels: { value: number }[] }).levels.map((level) => level.value);
  const questionnaire = questionnaireSchema.parse({
    id: 'example',
    version: '1.0.0',
    locales: ['en'],
    title: 'Example',
    scales: { default: spec.scale },
    sections: [
      {
        id: 'section',
        title: 'Section',
        scoring: spec.scoring,
        questions: spec.items.map((item) => ({
          id: item.id,
          type: item.type ?? 'level',
          prompt: item.id,
          ...(item.weight !== undefined ? { weight: item.weight } : {}),
          ...(item.level !== undefined ? { level: item.level } : {}),
          ...(item.options ? { options: item.options } : { levels: rubric(values) }),
        })),
      },
    ],
  });
  const assessment = {
    format: 'cairn.assessment',
    formatVersion: 1,
    questionnaire: { id: 'example', version: '1.0.0' },
    respondents: [{ id: 'r1' }],
    answers: spec.items.map((item) =>
      item.na
        ? { question: item.id, respondent: 'r1', na: true }
        : { question: item.id, respondent: 'r1', value: item.value },
    ),
    consensus: [],
    targets: {},
  } as unknown as Assessment;
  const result = scoreAssessment(buildModel(questionnaire), assessment);
  const section = result.nodes['section']!;
  return {
    method: spec.method,
    note: spec.note,
    rows: spec.items.map((item) => {
      const node = result.nodes[item.id];
      return {
        id: item.id,
        shown: item.na ? 'N/A' : (node?.display ?? '—'),
        weight: item.weight ?? 1,
        position: node?.normalized ?? null,
        level: item.level,
      };
    }),
    result: section.display ?? '—',
    score: section.score,
    explanation: section.explanation,
  };
}

const samm = [
  { id: 'no', label: 'No', score: 0 },
  { id: 'some', label: 'Some', score: 0.25 },
  { id: 'half', label: 'Half', score: 0.5 },
  { id: 'yes', label: 'Yes', score: 1 },
];

export function workedExamples(): WorkedExample[] {
  return [
    run({
      method: 'weighted-mean',
      note: {
        en: 'Three items on the 1–5 maturity scale; the N/A item is left out and the weights of the other two shared out again.',
        fr: 'Trois critères sur l’échelle de maturité de 1 à 5 ; le critère sans objet est écarté et les pondérations des deux autres sont redistribuées.',
        es: 'Tres criterios en la escala de madurez de 1 a 5; el criterio no aplicable se deja fuera y los pesos de los otros dos se reparten de nuevo.',
        ar: 'ثلاثة بنود على سلم النضج من 1 إلى 5؛ يُستبعد البند الذي لا ينطبق ويُعاد توزيع وزنَي البندين الآخرين.',
      },
      scale: five,
      scoring: { method: 'weighted-mean' },
      items: [
        { id: 'profiles', value: 2, weight: 1 },
        { id: 'automation', value: 4, weight: 2 },
        { id: 'e-commerce', value: 1, weight: 1, na: true },
      ],
    }),
    run({
      method: 'mean',
      note: {
        en: 'The same two answered items, weights ignored.',
        fr: 'Les deux mêmes critères, sans tenir compte des pondérations.',
        es: 'Los mismos dos criterios respondidos, sin tener en cuenta los pesos.',
        ar: 'البندان نفسهما اللذان أُجيب عنهما، من دون اعتبار للأوزان.',
      },
      scale: five,
      scoring: { method: 'mean' },
      items: [
        { id: 'profiles', value: 2, weight: 1 },
        { id: 'automation', value: 4, weight: 2 },
      ],
    }),
    run({
      method: 'median',
      note: {
        en: 'One low outlier does not pull the score down.',
        fr: 'Une valeur basse isolée ne fait pas baisser la note.',
        es: 'Un valor bajo aislado no hace bajar la puntuación.',
        ar: 'قيمة منخفضة شاذة واحدة لا تخفض الدرجة.',
      },
      scale: five,
      scoring: { method: 'median' },
      items: [
        { id: 'policy', value: 1 },
        { id: 'strategy', value: 3 },
        { id: 'committee', value: 4 },
      ],
    }),
    run({
      method: 'min',
      note: {
        en: 'PEFA method M1 on the D–A letter scale: the weakest dimension sets the grade, with “+” when another stands higher.',
        fr: 'Méthode M1 du PEFA sur l’échelle de lettres D à A : la dimension la plus faible fixe la note, suivie de « + » lorsqu’une autre est plus élevée.',
        es: 'Método M1 del PEFA en la escala de letras D a A: la dimensión más débil fija la calificación, seguida de «+» cuando otra es más alta.',
        ar: 'الطريقة M1 في إطار PEFA على سلم الحروف من D إلى A: البُعد الأضعف يحدد الدرجة، وتليها علامة «+» عندما يكون بُعد آخر أعلى منه.',
      },
      scale: letters,
      scoring: { method: 'min', plus: true },
      items: [
        { id: 'dimension-1', value: 4 },
        { id: 'dimension-2', value: 3 },
        { id: 'dimension-3', value: 2 },
      ],
    }),
    run({
      method: 'mean',
      note: {
        en: 'PEFA method M2: the average of the dimensions, rounded up to the next half grade (A, C, C gives B).',
        fr: 'Méthode M2 du PEFA : la moyenne des dimensions, arrondie à la demi-note supérieure (A, C, C donne B).',
        es: 'Método M2 del PEFA: el promedio de las dimensiones, redondeado a la media calificación superior (A, C, C da B).',
        ar: 'الطريقة M2 في إطار PEFA: متوسط الأبعاد مقرَّبًا إلى نصف الدرجة الأعلى (A وC وC تعطي B).',
      },
      scale: letters,
      scoring: { method: 'mean', rounding: 'half-up' },
      items: [
        { id: 'dimension-1', value: 4 },
        { id: 'dimension-2', value: 2 },
        { id: 'dimension-3', value: 2 },
      ],
    }),
    run({
      method: 'sum',
      note: {
        en: 'As in OWASP SAMM, a stream adds up partial credit for each of its three levels (0, ¼, ½ or 1).',
        fr: 'Comme dans OWASP SAMM, un volet additionne le crédit partiel obtenu à chacun de ses trois niveaux (0, ¼, ½ ou 1).',
        es: 'Como en OWASP SAMM, una línea suma el crédito parcial obtenido en cada uno de sus tres niveles (0, ¼, ½ o 1).',
        ar: 'كما في OWASP SAMM، يجمع المسار الرصيد الجزئي المحقَّق في كل مستوى من مستوياته الثلاثة (0 أو ¼ أو ½ أو 1).',
      },
      scale: { levels: [0, 1, 2, 3].map((value) => ({ value, label: `${value}` })) },
      scoring: { method: 'sum' },
      items: [
        { id: 'level-1', type: 'choice', options: samm, value: 'yes' },
        { id: 'level-2', type: 'choice', options: samm, value: 'half' },
        { id: 'level-3', type: 'choice', options: samm, value: 'no' },
      ],
    }),
    run({
      method: 'cumulative',
      note: {
        en: 'As in C2M2, a maturity indicator level counts only when all its practices, and those of every level below, are largely or fully implemented (threshold ⅔).',
        fr: 'Comme dans le C2M2, un niveau de maturité n’est atteint que si toutes ses pratiques, et celles de tous les niveaux inférieurs, sont largement ou pleinement mises en œuvre (seuil ⅔).',
        es: 'Como en el C2M2, un nivel de madurez solo se alcanza si todas sus prácticas, y las de todos los niveles inferiores, están en gran parte o plenamente implementadas (umbral ⅔).',
        ar: 'كما في C2M2، لا يُبلغ مستوى النضج إلا إذا كانت جميع ممارساته، وممارسات كل المستويات الأدنى، منفَّذة إلى حد كبير أو بالكامل (العتبة ⅔).',
      },
      scale: mil,
      scoring: { method: 'cumulative', threshold: 2 / 3 },
      items: [
        { id: 'practice-1a', value: 3, level: 1 },
        { id: 'practice-1b', value: 2, level: 1 },
        { id: 'practice-2a', value: 2, level: 2 },
        { id: 'practice-2b', value: 1, level: 2 },
        { id: 'practice-3a', value: 3, level: 3 },
      ],
    }),
  ];
}

export { formatScore };
