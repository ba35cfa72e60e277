namespace Cage.Build.Tasks;

/// <summary>Placeholder until the CageDecrypt / CageEncrypt tasks land.</summary>
internal static class CageTaskPlaceholder
{
}
