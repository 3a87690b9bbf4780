using AngleSharp.Dom;

namespace TalksBot.WebArticles.Extraction;

/// <summary>Recognises page furniture that is never article text: navigation, ads, share bars, comments, banners.</summary>
internal static class Boilerplate
{
    // Elements that hold no readable article prose (figure itself stays: WordPress wraps tables in it) (or, for script/style, hold code a reader must never see).
    public const string NeverTextSelector =
        "script, style, noscript, iframe, template, svg, canvas, object, embed, video, audio, source, track, picture, img, " +
        "button, input, select, textarea, dialog, form, link, meta, figcaption, " +
        "[hidden], [aria-hidden='true' i]";

    // Page structure around the article; removed unless it wraps the article itself.
    public const string FurnitureSelector =
        "nav, header, footer, aside, menu, [role='navigation' i], [role='banner' i], [role='contentinfo' i], [role='complementary' i], [role='dialog' i], [role='alert' i]";

    // Matched against each hyphen/underscore-separated part of a class or id ("ad-slot", "share_bar", "cookie-banner").
    private static readonly HashSet<string> JunkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt",
        "promo", "promos", "promoted", "sponsor", "sponsored", "partner", "outbrain", "taboola",
        "newsletter", "subscribe", "subscription", "signup", "paywall",
        "share", "sharing", "sharebar", "social", "follow",
        "related", "recommended", "recirculation", "trending", "popular",
        "comment", "comments", "disqus", "replies",
        "cookie", "cookies", "consent", "gdpr", "banner", "popup", "modal", "overlay",
        "breadcrumb", "breadcrumbs", "sidebar", "widget", "menu", "navbar", "masthead", "skip",
    };

    private static readonly char[] PartSeparators = ['-', '_', ' '];

    public static bool LooksLikeJunk(IElement element)
    {
        var names = $"{element.ClassName} {element.Id}";
        if (string.IsNullOrWhiteSpace(names))
            return false;
        foreach (var part in names.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries))
            if (JunkWords.Contains(part))
                return true;
        return false;
    }

    public static bool IsWithinFurniture(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (e.Matches(FurnitureSelector) || LooksLikeJunk(e))
                return true;
        return false;
    }

    /// <summary>Removes furniture and junk-named elements, keeping any element that contains <paramref name="keep"/>.</summary>
    public static void Strip(IDocument document, IElement? keep)
    {
        foreach (var element in document.QuerySelectorAll(NeverTextSelector).ToList())
            element.Remove();
        foreach (var element in document.QuerySelectorAll(FurnitureSelector).ToList())
            if (!Protects(element, keep))
                element.Remove();
        foreach (var element in document.Body?.QuerySelectorAll("*").ToList() ?? [])
            if (element.Parent is not null && LooksLikeJunk(element) && !Protects(element, keep))
                element.Remove();
    }

    private static bool Protects(IElement element, IElement? keep) =>
        keep is not null && (element == keep || element.Contains(keep));
}
