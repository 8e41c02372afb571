using System.Text.RegularExpressions;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Turns a question's text into the words GOV.UK error messages need ("Select whether councillors are
/// engaged in decisions about AI", "Enter how many staff your council employs"), so every message names
/// what is wrong without a second wording in the definition. English questions are turned into the
/// indirect form by a few rules (wh-questions, yes/no questions, statements); a question none of them
/// fits is quoted whole, which is clumsier but still names it.
/// </summary>
public static partial class QuestionWording
{
    private static readonly string[] s_predicateStarts =
        ["responsible", "done", "published", "used", "been", "in", "not", "able", "aware", "given", "made", "taken"];

    /// <summary>
    /// The question as an indirect clause, without a capital or closing mark: "how many staff your council
    /// employs", "whether a named senior leader is responsible for AI", "your role". Null when no rule fits.
    /// </summary>
    public static string? Clause(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stem = text.Trim().TrimEnd('?', '.', ' ');
        if (stem.Length == 0)
        {
            return null;
        }

        if (!text.TrimEnd().EndsWith('?'))
        {
            // A statement to agree with: "Councillors are engaged in decisions about AI."
            return "whether " + LowerFirst(stem);
        }

        if (WhatIsYour().Match(stem) is { Success: true } own)
        {
            return own.Groups["rest"].Value;
        }

        if (YesNo().Match(stem) is { Success: true } yesNo)
        {
            return Declarative(yesNo.Groups["aux"].Value.ToLowerInvariant(), yesNo.Groups["rest"].Value) is { } clause ? "whether " + clause : null;
        }

        if (Wh().Match(stem) is { Success: true } wh)
        {
            var lead = LowerFirst(wh.Groups["wh"].Value);
            var rest = wh.Groups["rest"].Value;
            var aux = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
            var after = rest[(aux.Length + 1)..];
            if (StartsSubject(after.Split(' ')[0]) && Declarative(aux, after) is { } clause)
            {
                return lead + " " + clause;
            }

            // The wh-words are the subject ("How many AI tools are live in your council"): already in order.
            return LowerFirst(stem);
        }

        // No auxiliary: "Which best describes your council's use of AI" is in order already.
        return WhStart().IsMatch(stem) ? LowerFirst(stem) : null;
    }

    /// <summary>"Select {what}" for choices, e.g. "Select which types of AI your council uses".</summary>
    public static string Select(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Type == QuestionType.YesNo && Clause(question.Text) is { } yesNo && yesNo.StartsWith("whether ", StringComparison.Ordinal))
        {
            return "Select yes if " + yesNo["whether ".Length..] + ", or no";
        }

        return Clause(question.Text) is { } clause ? "Select " + clause : $"Select an answer to '{question.Text}'";
    }

    /// <summary>"Enter {what}", e.g. "Enter how many staff your council employs".</summary>
    public static string Enter(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Clause(question.Text) is { } clause ? "Enter " + clause : $"Enter an answer to '{question.Text}'";
    }

    /// <summary>What the number is, for messages about its form: "how many staff your council employs".</summary>
    public static string NumberName(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Clause(question.Text) ?? $"the answer to '{question.Text}'";
    }

    private static string? Declarative(string aux, string rest)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        if (aux is "does" or "do" or "would")
        {
            // "does your council use AI" -> "your council uses AI": the verb is the first word after a known subject.
            var subject = SubjectLength(words);
            if (subject is not { } n || n >= words.Length)
            {
                return null;
            }

            if (aux == "would")
            {
                return string.Join(' ', words[..n].Append(aux).Concat(words[n..]));
            }

            words[n] = aux == "does" ? ThirdPerson(words[n]) : words[n];
            return string.Join(' ', words);
        }

        // "is a named senior leader responsible for AI" -> "a named senior leader is responsible for AI";
        // "is your council's use of data" (nothing after the subject) -> "your council's use of data is".
        var split = Array.FindIndex(words, 1, w => s_predicateStarts.Contains(w, StringComparer.Ordinal));
        if (split < 0)
        {
            split = Array.FindIndex(words, 1, w => w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal));
        }

        return split < 0
            ? string.Join(' ', words.Append(aux))
            : string.Join(' ', words[..split].Append(aux).Concat(words[split..]));
    }

    private static bool StartsSubject(string word) =>
        word is "your" or "the" or "a" or "an" or "our" or "AI" or "staff" or "you" or "councillors" or "data" or "it" or "they" or "we";

    /// <summary>How many words make up the subject after the auxiliary, for the subjects these surveys use.</summary>
    private static int? SubjectLength(string[] words)
    {
        var first = words[0].ToLowerInvariant();
        if (first is "your" or "the" or "our")
        {
            // "your council", "your contracts", "your AI solutions", "your council's use of data".
            var end = Array.FindIndex(words, 1, w => !w.EndsWith("'s", StringComparison.Ordinal));
            if (end < 0)
            {
                return null;
            }

            return words[end] is "AI" && end + 1 < words.Length && !IsLower(words[end + 1]) ? end + 1
                : words[end] is "AI" or "data" && end + 1 < words.Length ? end + 2 : end + 1;
        }

        if (first is "a" or "an")
        {
            // "a board or panel approve": up to the first word after "or"/"and" pairs.
            var i = 1;
            while (i + 2 < words.Length && words[i + 1] is "or" or "and")
            {
                i += 2;
            }

            return i + 1;
        }

        return first is "you" or "staff" or "ai" or "councillors" or "residents" or "it" or "they" or "we" ? 1 : null;
    }

    private static bool IsLower(string word) => word.Length > 0 && char.IsLower(word[0]);

    private static string ThirdPerson(string verb) => verb switch
    {
        "have" => "has",
        "do" => "does",
        "go" => "goes",
        _ when verb.EndsWith('s') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal) || verb.EndsWith('x') => verb + "es",
        _ when verb.EndsWith('y') && verb.Length > 2 && !"aeiou".Contains(verb[^2], StringComparison.Ordinal) => verb[..^1] + "ies",
        _ => verb + "s",
    };

    private static string LowerFirst(string text)
    {
        // Keep acronyms and proper names: "AI work is aligned" stays "AI work"; "Councillors" becomes "councillors".
        var firstWord = text.Split(' ')[0];
        return firstWord.Length > 1 && char.IsUpper(firstWord[1]) ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"^What (is|are) (?<rest>(your|the) .+)$")]
    private static partial Regex WhatIsYour();

    [GeneratedRegex(@"^(?<aux>Does|Do|Is|Are|Has|Have) (?<rest>.+)$")]
    private static partial Regex YesNo();

    [GeneratedRegex(@"^(?<wh>(In which|Roughly how much|Roughly how many|How many|How much|How far|How mature|How severe|How|Which|What|Where|Why|When|Who)( [^ ]+)*?) (?<rest>(does|do|is|are|has|have|would) .+)$")]
    private static partial Regex Wh();

    [GeneratedRegex(@"^(In which|Roughly|How|Which|What|Where|Why|When|Who) ")]
    private static partial Regex WhStart();
}
