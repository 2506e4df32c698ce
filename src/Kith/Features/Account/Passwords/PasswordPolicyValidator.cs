using Kith.Data;
using Microsoft.AspNetCore.Identity;

namespace Kith.Features.Account.Passwords;

/// <summary>
/// Kith's one password rule, used by every path that sets a password (registration, reset, change,
/// invitation, CLI): 12–256 characters, no composition rules, not common, not built from the user's
/// own name or email or "kith", and not guessable by zxcvbn (score ≥ 3). No rule is weaker in any environment.
/// </summary>
public sealed class PasswordPolicyValidator(CommonPasswords commonPasswords) : IPasswordValidator<User>
{
    public const int MinimumScore = 3;
    private const int MinimumContextWordLength = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(Validate(password ?? "", ContextWords(user.Email, user.DisplayName)));

    public IdentityResult Validate(string password, IReadOnlyCollection<string> contextWords)
    {
        if (password.Length < FieldLengths.PasswordMin)
            return Fail("PasswordTooShort", $"Use at least {FieldLengths.PasswordMin} characters. A few unrelated words make a good passphrase.");
        if (password.Length > FieldLengths.PasswordMax)
            return Fail("PasswordTooLong", $"Use at most {FieldLengths.PasswordMax} characters.");
        if (commonPasswords.Contains(password))
            return Fail("PasswordCommon", "This is one of the most common passwords. Choose something less predictable.");
        var lowered = password.ToLowerInvariant();
        if (contextWords.Any(word => lowered.Contains(word, StringComparison.Ordinal)))
            return Fail("PasswordContext", "Avoid your name, your email address or the word \"kith\" in your password.");
        var score = Zxcvbn.Zxcvbn.MatchPassword(password, contextWords).Score;
        if (score < MinimumScore)
            return Fail("PasswordWeak", "This password is too easy to guess. Add more words or characters.");
        return IdentityResult.Success;
    }

    public static IReadOnlyCollection<string> ContextWords(string? email, string? displayName)
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { "kith" };
        if (!string.IsNullOrWhiteSpace(email))
        {
            var at = email.IndexOf('@', StringComparison.Ordinal);
            var local = at > 0 ? email[..at] : email;
            words.Add(local.ToLowerInvariant());
            foreach (var part in local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries)) words.Add(part.ToLowerInvariant());
        }
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            foreach (var part in displayName.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)) words.Add(part.ToLowerInvariant());
        }
        words.RemoveWhere(w => w.Length < MinimumContextWordLength);
        return words;
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
