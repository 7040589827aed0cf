package dev.tonal.app.auth;

import dev.tonal.app.api.ApiException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controllers take the {@link Caller} established by {@link BearerTokenFilter} as a
 * parameter.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Object caller = request.getAttribute(BearerTokenFilter.CALLER, RequestAttributes.SCOPE_REQUEST);
		if (caller == null) {
			// Only reachable for a controller mapped outside the API root, which the
			// filter guards.
			throw new ApiException(HttpStatus.UNAUTHORIZED, "an access token is required");
		}
		return (Caller) caller;
	}

}
