namespace ReadinessSurvey.Councils;

/// <summary>A principal council from the register (England and Wales), matched on its GSS code.</summary>
public sealed class Council
{
    public int Id { get; set; }

    /// <summary>GSS code, e.g. E07000223. Unique and stable.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string OfficialName { get; set; }

    /// <summary>GSS entity code of the council's type: E06, E07, E08, E09, E10 or W06.</summary>
    public required string TypeCode { get; set; }

    /// <summary>Local authority type abbreviation from the register (UA, NMD, MD, LBO, CTY...).</summary>
    public required string LaType { get; set; }

    public required string TypeName { get; set; }

    /// <summary>unitary, upper or lower.</summary>
    public required string Tier { get; set; }

    public required string Nation { get; set; }

    /// <summary>E12 region code (England only); Wales uses the nation as its region.</summary>
    public required string RegionCode { get; set; }

    public required string RegionName { get; set; }

    public string? CountyCode { get; set; }

    public string? CountyName { get; set; }

    public DateTime ImportedAt { get; set; }
}
