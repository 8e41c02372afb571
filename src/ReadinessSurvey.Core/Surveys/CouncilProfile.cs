namespace ReadinessSurvey.Surveys;

/// <summary>
/// The facts about a council that conditions may use, taken from the council register.
/// Conditions see them as [council.code], [council.name], [council.type], [council.region] and [council.tier].
/// </summary>
/// <param name="Code">GSS code, e.g. "E07000223".</param>
/// <param name="Name">Council name.</param>
/// <param name="Type">GSS entity code: E06 unitary, E07 district, E08 metropolitan district, E09 London borough, E10 county, W06 Welsh unitary.</param>
/// <param name="Region">
/// GSS region code (E12...) for English councils, chosen over the name because codes never get reworded;
/// Welsh councils use the country code W92000004.
/// </param>
/// <param name="Tier">"unitary", "upper" or "lower".</param>
public sealed record CouncilProfile(string Code, string Name, string Type, string Region, string Tier)
{
    /// <summary>A profile with no facts, for previewing a survey without a council.</summary>
    public static CouncilProfile Unknown { get; } = new("", "", "", "", "");
}
