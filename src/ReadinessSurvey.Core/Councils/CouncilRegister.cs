namespace ReadinessSurvey.Councils;

/// <summary>The council register that ships with the platform.</summary>
public static class CouncilRegister
{
    /// <summary>The bundled register CSV, copied beside the assembly at build time.</summary>
    public static string BundledFile => Path.Combine(AppContext.BaseDirectory, "Councils", "Register", "councils.csv");
}
