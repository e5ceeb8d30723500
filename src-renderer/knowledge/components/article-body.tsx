// The article's Markdown, rendered by the shared safe renderer (no raw HTML, no script, no
// remote images). Images that are the article's own attachments are fetched through the
// contract and shown from blob: URLs, released when the view goes away.
import { useEffect, useMemo, useState } from 'react';
import type { KbAttachmentInfo } from '../../../src-shared/contract/knowledge';
import { renderArticleHtml } from '../../../src-shared/domain/knowledge/render';
import { base64ToBytes } from '../../transfer/base64';
import { useKbActions } from '../start';

export function useAttachmentUrls(attachments: readonly KbAttachmentInfo[]): Map<string, string> {
  const actions = useKbActions();
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  const key = attachments.map((a) => `${a.id}:${a.name}`).join('|');
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    const images = attachments.filter((a) => a.mime.startsWith('image/'));
    void Promise.all(
      images.map(async (a) => {
        try {
          const file = await actions.attachment(a.id);
          const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mime }));
          made.push(url);
          return [a.name, url] as const;
        } catch {
          return null;
        }
      }),
    ).then((pairs) => {
      if (!live) return;
      const map = new Map<string, string>();
      for (const pair of pairs) if (pair) {
        map.set(pair[0], pair[1]);
        map.set(pair[0].split('/').pop()!, pair[1]);
      }
      setUrls(map);
    });
    return () => {
      live = false;
      setTimeout(() => made.forEach((u) => URL.revokeObjectURL(u)), 0);
    };
  }, [key, actions]);
  return urls;
}

export function ArticleBody({ body, attachments, testId }: { body: string; attachments: readonly KbAttachmentInfo[]; testId?: string }) {
  const urls = useAttachmentUrls(attachments);
  const html = useMemo(() => renderArticleHtml(body, { resolveAttachment: (name) => urls.get(name) ?? null }), [body, urls]);
  return <div className="kb-body" data-testid={testId ?? 'kb-article-body'} dangerouslySetInnerHTML={{ __html: html }} />;
}
