namespace Kith.Features;

/// <summary>The new-password input with its strength meter, shared by register, reset and change.</summary>
public sealed record PasswordFieldModel(string Id, string Name, string Label, string Context, string? Error)
{
    public bool Invalid => !string.IsNullOrEmpty(Error);
}
