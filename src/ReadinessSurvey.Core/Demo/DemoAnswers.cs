using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Demo;

/// <summary>
/// Makes up one council's answers, question by question in display order, answering only what display
/// logic shows. A latent maturity per council (standard normal) drives most answers, so a mature
/// council tends to be mature throughout; the published 2025 LGA figures set the proportions.
/// </summary>
/// <remarks>
/// Each answer that should follow maturity draws a latent value <c>rho x maturity + sqrt(1 - rho^2) x noise</c>,
/// which is standard normal whatever rho, so a prior probability p is met exactly overall ("tick when the
/// latent value is in the top p") while mature councils tick more often. Questions this class does not
/// know get a plain answer by type, so any valid definition can be filled.
/// </remarks>
internal sealed class DemoAnswers(Random random, CouncilProfile council)
{
    // Share of councils at each adoption status (B1), from the 2025 figures: 11% not using AI, half of
    // them exploring; the rest split between piloting and live use.
    private static readonly (string Value, double Cumulative)[] s_adoption =
        [("no_use", 0.055), ("exploring", 0.11), ("piloting", 0.36), ("live_some", 0.78), ("live_many", 1.0)];

    // Among councils that use AI (B2 and section C are shown to them, 89% of councils).
    private static readonly Dictionary<string, (double P, double Rho)> s_types = new(StringComparer.Ordinal)
    {
        ["generative"] = (0.93, 0.3),   // more than 4 in 5 of all councils
        ["predictive"] = (0.45, 0.6),
        ["perceptive"] = (0.35, 0.5),
        ["simulation"] = (0.08, 0.6),   // 1 in 14 of all councils
    };

    private static readonly string[] s_backOffice = ["hr", "finance", "procurement", "legal_democratic", "it_cyber"];

    private static readonly Dictionary<string, (double P, double Rho)> s_services = new(StringComparer.Ordinal)
    {
        ["adult_social_care"] = (0.50, 0.5),   // over 2 in 5 councils with the service
        ["childrens_services"] = (0.34, 0.5),  // 3 in 10
        ["send"] = (0.15, 0.5),
        ["housing"] = (0.25, 0.4),
        ["planning"] = (0.30, 0.4),
        ["waste"] = (0.15, 0.3),
        ["highways"] = (0.20, 0.4),
        ["revenues_benefits"] = (0.35, 0.4),
        ["customer_contact"] = (0.60, 0.4),
        ["public_health"] = (0.15, 0.4),
    };

    private static readonly Dictionary<string, (double P, double Rho)> s_benefits = new(StringComparer.Ordinal)
    {
        ["productivity"] = (0.37, 0.5),    // about a third of all councils
        ["efficiency"] = (0.40, 0.5),
        ["cash_savings"] = (0.22, 0.5),    // about 1 in 5
        ["resident_outcomes"] = (0.18, 0.5),
        ["better_decisions"] = (0.15, 0.5),
    };

    private static readonly Dictionary<string, (double P, double Rho)> s_barriers = new(StringComparer.Ordinal)
    {
        ["funding"] = (0.60, -0.1),        // the biggest barrier, about 3 in 5
        ["capacity"] = (0.50, -0.2),
        ["skills"] = (0.45, -0.4),
        ["data_quality"] = (0.40, -0.3),
        ["legacy_technology"] = (0.35, -0.3),
        ["public_trust"] = (0.20, 0.0),
        ["legal_uncertainty"] = (0.18, -0.2),
        ["leadership_buy_in"] = (0.15, -0.6),
        ["supplier_cost"] = (0.25, 0.0),
    };

    private static readonly Dictionary<string, Dictionary<string, (double P, double Rho)>> s_multiple = new(StringComparer.Ordinal)
    {
        ["B2"] = s_types,
        ["B3"] = s_barriers,
        ["C3"] = s_benefits,
        ["I1"] = s_barriers,
        ["C6"] = new(StringComparer.Ordinal) { ["supplier_products"] = (0.8, 0.2), ["standalone"] = (0.5, 0.3), ["in_house"] = (0.25, 0.7), ["shared"] = (0.2, 0.3) },
        ["E9"] = new(StringComparer.Ordinal)
        {
            ["data_protection"] = (0.75, 0.0), ["bias"] = (0.5, 0.2), ["inaccurate_output"] = (0.65, 0.1), ["cyber"] = (0.55, 0.0),
            ["public_trust"] = (0.45, 0.0), ["workforce_impact"] = (0.35, 0.0), ["supplier_lock_in"] = (0.3, 0.2), ["environmental_impact"] = (0.15, 0.2),
        },
        ["H3"] = new(StringComparer.Ordinal) { ["data_scientist"] = (0.25, 0.7), ["data_engineer"] = (0.3, 0.7), ["ai_lead"] = (0.3, 0.7), ["ig_specialist"] = (0.7, 0.3) },
        ["I3"] = new(StringComparer.Ordinal)
        {
            ["guidance"] = (0.6, -0.2), ["training"] = (0.65, -0.2), ["peer_networks"] = (0.5, 0.0), ["procurement_frameworks"] = (0.3, 0.2),
            ["case_studies"] = (0.55, 0.0), ["funding_advocacy"] = (0.45, 0.0),
        },
    };

    private static readonly string[] s_useCases =
    [
        "Transcribing and summarising social care assessments.",
        "Drafting replies to residents' emails in the contact centre.",
        "Predicting which households are at risk of homelessness.",
        "Searching planning documents for officers.",
    ];

    private const double DontKnowRate = 0.03;

    private readonly double _maturity = Normal(random);

    public double Maturity => _maturity;

    /// <summary>A complete return for the definition, honouring display logic.</summary>
    public AnswerSet Answer(SurveyDefinition definition)
    {
        var answers = AnswerSet.Empty;
        foreach (var question in definition.Questions)
        {
            var visibility = DisplayLogic.Evaluate(definition, council, answers);
            if (question.Type == QuestionType.Council || !visibility.IsQuestionVisible(question.Id))
            {
                continue;
            }

            if (Choose(question, visibility, answers) is { } value)
            {
                answers = answers.With(question.Id, value);
            }
        }

        return answers;
    }

    private AnswerValue? Choose(Question question, SurveyVisibility visibility, AnswerSet answers)
    {
        var options = visibility.VisibleOptions(question);
        return question.Type switch
        {
            QuestionType.SingleChoice => Single(question, options, answers),
            QuestionType.MultipleChoice => Multiple(question, options),
            QuestionType.Likert => Likert(question),
            QuestionType.YesNo => question.DontKnow is not null && random.NextDouble() < DontKnowRate
                ? AnswerValue.DontKnowAnswer
                : AnswerValue.Of(Latent(question.Id == "F7" ? 0.0 : 0.6) > Quantile(question.Id == "F7" ? 0.3 : 0.55)),
            QuestionType.Number => Number(question, answers),
            QuestionType.Text or QuestionType.LongText => Text(question),
            _ => null,
        };
    }

    private AnswerValue Single(Question question, IReadOnlyList<QuestionOption> options, AnswerSet answers)
    {
        if (question.Id == "B1")
        {
            var u = Uniform(0.8);
            return AnswerValue.Choice(s_adoption.First(a => u <= a.Cumulative).Value);
        }

        if (question.Id == "I2" && answers.Get("I1")?.Options is { Count: > 0 } barriers)
        {
            // The single biggest barrier, among those ticked, in proportion to how common each is.
            return AnswerValue.Choice(Weighted(barriers.Where(b => options.Any(o => o.Value == b)).ToList(), b => s_barriers.GetValueOrDefault(b).P));
        }

        var real = options.Where(o => !o.DontKnow).ToList();
        if (real.Count > 0 && real.All(o => o.Score is not null))
        {
            if (options.Any(o => o.DontKnow) && random.NextDouble() < DontKnowRate)
            {
                return AnswerValue.Choice(options.First(o => o.DontKnow).Value);
            }

            // Scored options are ordered by score: a mature council tends to pick a higher one.
            var ordered = real.OrderBy(o => o.Score).ToList();
            var index = Math.Min(ordered.Count - 1, (int)(Uniform(0.7) * ordered.Count));
            return AnswerValue.Choice(ordered[index].Value);
        }

        return AnswerValue.Choice(real[random.Next(real.Count)].Value);
    }

    private AnswerValue? Multiple(Question question, IReadOnlyList<QuestionOption> options)
    {
        var candidates = options.Where(o => !o.DontKnow && !o.Exclusive).ToList();
        var priors = s_multiple.GetValueOrDefault(question.Id);
        List<string> ticked;
        if (question.Id == "C1")
        {
            ticked = ServiceAreas(candidates);
        }
        else
        {
            ticked = [.. candidates.Where(o => Latent(Prior(priors, o.Value).Rho) > Quantile(Prior(priors, o.Value).P)).Select(o => o.Value)];
        }

        if (ticked.Count > 0)
        {
            return AnswerValue.Choice([.. ticked]);
        }

        if (options.FirstOrDefault(o => o.Exclusive) is { } none)
        {
            return AnswerValue.Choice(none.Value);
        }

        // Nothing ticked and no "none" option: tick the most common, as a respondent would.
        return candidates.Count == 0 ? null : AnswerValue.Choice(candidates.MaxBy(o => Prior(priors, o.Value).P)!.Value);
    }

    private List<string> ServiceAreas(List<QuestionOption> candidates)
    {
        var ticked = new List<string>();

        // Over 4 in 5 councils use AI in back-office functions: decide that first, then which ones.
        if (Latent(0.4) > Quantile(0.92))
        {
            var backOffice = candidates.Where(o => s_backOffice.Contains(o.Value)).Select(o => o.Value).ToList();
            var count = Math.Clamp(1 + (int)(Uniform(0.5) * 4), 1, backOffice.Count);
            ticked.AddRange(backOffice.OrderBy(_ => random.Next()).Take(count));
        }

        foreach (var option in candidates.Where(o => s_services.ContainsKey(o.Value)))
        {
            var (p, rho) = s_services[option.Value];
            if (Latent(rho) > Quantile(p))
            {
                ticked.Add(option.Value);
            }
        }

        // Keep the definition's order.
        return [.. candidates.Select(o => o.Value).Where(ticked.Contains)];
    }

    private AnswerValue Likert(Question question)
    {
        if (question.DontKnow is not null && random.NextDouble() < DontKnowRate)
        {
            return AnswerValue.DontKnowAnswer;
        }

        // Agreement follows maturity; for negative statements (scored in reverse) it goes the other way.
        var u = Uniform(question.Reverse ? -0.6 : 0.6);
        var points = question.Points;
        return AnswerValue.Of(points[Math.Min(points.Count - 1, (int)(u * points.Count))].Point);
    }

    private AnswerValue? Number(Question question, AnswerSet answers)
    {
        decimal value = question.Id switch
        {
            "A3" => (decimal)Math.Round(Staff() * Math.Exp(0.3 * Normal(random))),
            "B4" => (answers.Get("B1")?.Options is [var status, ..] ? status : null) switch
            {
                "piloting" => 1 + random.Next(3),
                "live_some" => 2 + random.Next(9),
                _ => 5 + random.Next(26),
            },
            "C5" when answers.Get("C3")?.Options?.Contains("cash_savings") == true => 1000 * Math.Round((decimal)(150 * Math.Exp(0.9 * Normal(random)))),
            "C5" => -1,
            "H2" => (decimal)Math.Round(100 * Uniform(0.7) * Uniform(0.5)),
            _ when !question.Required && random.NextDouble() < 0.5 => -1,
            _ => (question.Min ?? 0) + (decimal)random.Next(0, 10),
        };
        if (value < 0)
        {
            return null;
        }

        value = Math.Clamp(value, question.Min ?? decimal.MinValue, question.Max ?? decimal.MaxValue);
        return AnswerValue.Of(question.WholeNumber ? Math.Round(value) : value);
    }

    private AnswerValue? Text(Question question)
    {
        if (!question.Required && random.NextDouble() < 0.6)
        {
            return null;
        }

        var text = question.Id == "C2" ? s_useCases[random.Next(s_useCases.Length)] : "Demo answer.";
        return AnswerValue.OfText(question.MaxLength is { } max && text.Length > max ? text[..max] : text);
    }

    /// <summary>Typical staff numbers by type of council.</summary>
    private double Staff() => council.Type switch
    {
        "E07" => 450,
        "E10" => 7000,
        "E08" or "E06" => 4000,
        "E09" => 3000,
        _ => 3500,
    };

    private static (double P, double Rho) Prior(Dictionary<string, (double P, double Rho)>? priors, string value) =>
        priors is not null && priors.TryGetValue(value, out var prior) ? prior : (0.4, 0.4);

    private string Weighted(List<string> values, Func<string, double> weight)
    {
        var total = values.Sum(v => Math.Max(0.01, weight(v)));
        var x = random.NextDouble() * total;
        foreach (var value in values)
        {
            x -= Math.Max(0.01, weight(value));
            if (x <= 0)
            {
                return value;
            }
        }

        return values[^1];
    }

    /// <summary>A standard normal value correlated <paramref name="rho"/> with the council's maturity.</summary>
    private double Latent(double rho) => (rho * _maturity) + (Math.Sqrt(1 - (rho * rho)) * Normal(random));

    /// <summary>The latent value as a uniform 0-1 (its normal probability).</summary>
    private double Uniform(double rho) => Phi(Latent(rho));

    /// <summary>The value a standard normal exceeds with probability <paramref name="p"/>.</summary>
    private static double Quantile(double p) => -InverseNormal(p);

    private static double Normal(Random random)
    {
        // Box-Muller: two uniforms in (0, 1] give one standard normal.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The standard normal distribution function (Abramowitz and Stegun 7.1.26 via erf, error under 1.5e-7).</summary>
    private static double Phi(double x)
    {
        var t = 1.0 / (1.0 + (0.3275911 * Math.Abs(x) / Math.Sqrt(2)));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-(x * x) / 2);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /// <summary>The inverse of <see cref="Phi"/> by bisection: plenty fast for a few hundred councils.</summary>
    private static double InverseNormal(double p)
    {
        double lo = -8, hi = 8;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Phi(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
