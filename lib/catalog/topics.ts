/**
 * Topic labels derived from a paper's words. A rule fires on one title hit or two abstract
 * hits, so a passing mention ("unlike image models…") does not label a language paper "vision".
 */
interface TopicRule {
  topic: string;
  pattern: RegExp;
}

const RULES: TopicRule[] = [
  { topic: 'vision', pattern: /\b(vision|visual|image|images|imagenet|vit|vits|pixel|segmentation|object detection|detection|video|videos|super-resolution|3d|point cloud|camera|coco)\b/gi },
  { topic: 'language', pattern: /\b(language|languages|nlp|text|llm|llms|bert|gpt|translation|linguistic|sentence|sentences|question answering|summarization|tokens? of text|corpus)\b/gi },
  { topic: 'time series', pattern: /\b(time[- ]series|forecasting|forecast|temporal sequences|traffic flow|stock)\b/gi },
  { topic: 'speech', pattern: /\b(speech|audio|asr|spoken|speaker|acoustic|sound)\b/gi },
  { topic: 'diffusion', pattern: /\b(diffusion|denoising|dit|dits)\b/gi },
  { topic: 'quantization', pattern: /\b(quanti[sz]ation|quanti[sz]ed|quanti[sz]e|int8|int4|low-bit|8-bit|4-bit|binarized|binary neural)\b/gi },
  { topic: 'efficient attention', pattern: /\b(linear attention|sparse attention|efficient attention|linear complexity|quadratic complexity|sub-quadratic|subquadratic|long[- ]range|long sequences?|long-sequence|long context|kv cache|flashattention|low-rank|efficient transformers?)\b/gi },
  { topic: 'graphs', pattern: /\b(graph|graphs|gnn|gnns|node classification|molecul\w*)\b/gi },
  { topic: 'medical', pattern: /\b(medical|clinical|radiology|patient|patients|health|healthcare|disease|mri|ct scans?|pathology|biomedical)\b/gi },
  { topic: 'multimodal', pattern: /\b(multimodal|multi-modal|vision-language|cross-modal|image-text|text-to-image)\b/gi },
  { topic: 'reinforcement learning', pattern: /\b(reinforcement learning|policy|policies|reward|agent|robot|robotic|robotics)\b/gi },
  { topic: 'survey', pattern: /\b(survey|overview|review of|we review|taxonomy)\b/gi },
];

const MAX_TOPICS = 4;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** Up to four topics, the most strongly supported first. */
export function deriveTopics(title: string, abstract: string): string[] {
  const scored: { topic: string; score: number }[] = [];
  for (const { topic, pattern } of RULES) {
    const inTitle = count(pattern, title);
    const inAbstract = count(pattern, abstract);
    if (inTitle === 0 && inAbstract < 2) continue;
    scored.push({ topic, score: inTitle * 3 + inAbstract });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, MAX_TOPICS).map((s) => s.topic);
}
