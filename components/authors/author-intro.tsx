import type { Author } from '@/lib/content';
import { Picture } from '../media/picture';

type AuthorIntroProps = { author: Author };

/** The portrait's drawn size in CSS px, at every width: a fixed square beside the name. */
const PORTRAIT_PX = 96;

/**
 * The top of an author's page (ADR 0050): the portrait, the 肩書き and the
 * プロフィール as the desk wrote them (a blank line starts a new paragraph),
 * above the list of their articles. Without a profile only the 肩書き shows.
 */
export function AuthorIntro({ author }: AuthorIntroProps) {
  const paragraphs = author.profile.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div className="mt-3 flex items-start gap-4" data-testid="author-intro">
      {author.portrait && (
        <Picture
          src={author.portrait.src}
          width={author.portrait.width}
          height={author.portrait.height}
          alt={author.portrait.alt}
          sizes={`${PORTRAIT_PX}px`}
          drawn={{ min: PORTRAIT_PX, max: PORTRAIT_PX }}
          className="size-24 shrink-0 rounded-full border border-rule object-cover"
          data-testid="author-portrait"
        />
      )}
      <div className="min-w-0 space-y-2">
        <p className="text-sm font-semibold text-muted">{author.role}</p>
        {paragraphs.map((p, i) => (
          <p key={i} className="text-sm leading-relaxed whitespace-pre-line" data-testid="author-profile">
            {p}
          </p>
        ))}
      </div>
    </div>
  );
}
