"""The site's card for shared links (Open Graph and Twitter): one image for every page.

Material's social plugin would draw a card per page, but it needs cairo and
other system libraries that neither `make` nor CI installs; one designed card
serves every page instead. Drawn with matplotlib, which the charts use
already, and committed as `content/assets/site-card.png`; run
`python -m build_tools.tools.site_card` after changing the design.
"""

from __future__ import annotations

import sys
from pathlib import Path

from build_tools import paths

CARD = paths.CONTENT_DIR / "assets" / "site-card.png"
INDIGO, LIGHT = "#283593", "#e8eaf6"


def draw(target: Path = CARD, name: str = "UN Cybercrime Convention Briefing") -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.lines import Line2D

    figure = plt.figure(figsize=(12, 6.3), dpi=100, facecolor=INDIGO)
    figure.text(0.06, 0.80, "BRIEFING", color=LIGHT, fontsize=22, fontweight="bold")
    figure.text(0.06, 0.62, name.replace(" Briefing", ""), color="white", fontsize=44,
                fontweight="bold")
    lines = ("How the convention was negotiated, what each article says,",
             "who wanted what, and what it means for rights.")
    for i, line in enumerate(lines):
        figure.text(0.06, 0.44 - i * 0.08, line, color=LIGHT, fontsize=24)
    figure.text(0.06, 0.10, "Sessions · Daily updates · Articles · States · Tables · Open data",
                color="white", fontsize=20)
    figure.add_artist(Line2D([0.06, 0.94], [0.20, 0.20], color=LIGHT, linewidth=2))
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, dpi=100, facecolor=INDIGO, metadata={"Software": None})
    plt.close(figure)


if __name__ == "__main__":
    draw(Path(sys.argv[1]) if len(sys.argv) > 1 else CARD)
