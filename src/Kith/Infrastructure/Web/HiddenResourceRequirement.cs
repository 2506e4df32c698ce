using Microsoft.AspNetCore.Authorization;

namespace Kith.Infrastructure.Web;

/// <summary>
/// A requirement whose refusal must look like the page does not exist: a signed-in caller it refuses gets 404,
/// not 403, exactly as for an address Kith does not have. Anonymous callers are sent to sign in, which is also
/// what they get for any address (the fallback policy covers unknown paths too), so neither answer reveals the area.
/// </summary>
public interface IHiddenResourceRequirement : IAuthorizationRequirement;
