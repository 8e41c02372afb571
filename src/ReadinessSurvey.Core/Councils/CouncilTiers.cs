namespace ReadinessSurvey.Councils;

/// <summary>The register's tier codes and the words they are shown in.</summary>
public static class CouncilTiers
{
    /// <summary>The words of the register's tiers, in the order councils are usually listed.</summary>
    public static IReadOnlyList<string> Labels { get; } = [Label("upper"), Label("lower"), Label("unitary")];

    /// <summary>
    /// "upper" is "Upper tier (county councils)", and so on; a code the register does not use is shown
    /// capitalised, so no raw lowercase code reaches a reader.
    /// </summary>
    public static string Label(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code switch
        {
            "upper" => "Upper tier (county councils)",
            "lower" => "Lower tier (district councils)",
            "unitary" => "Single tier (all-purpose councils)",
            "" => code,
            _ => $"{char.ToUpperInvariant(code[0])}{code[1..]} tier",
        };
    }
}
