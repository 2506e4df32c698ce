using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kith.Features;

public static class ModelStateMessages
{
    /// <summary>The messages for one field, joined, or null: for inputs rendered by hand (the password partial).</summary>
    public static string? ErrorsFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
