using Kith.Features.Account.SecurityLog;

namespace Kith.Features;

public sealed record SecurityLogUserOption(Guid Id, string Name);

/// <summary>The filter form of the security log pages; <see cref="Users"/> is null where only one user's events show.</summary>
public sealed record SecurityLogFilterView(SecurityLogFilter Filter, IReadOnlyList<string> Types, IReadOnlyList<SecurityLogUserOption>? Users);
