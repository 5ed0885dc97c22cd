/*-------------------------------------------------------------------------
 *
 * stats.c
 *	  The statistics behind ci_low, ci_high and p_value: normal and
 *	  Student-t distributions, the Wilson score interval, the two-proportion
 *	  z-test and Welch's t-test.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "csmetrics.h"

/* Reject a confidence level outside (0, 1). */
void
stats_check_confidence(float8 confidence)
{
	if (!(confidence > 0 && confidence < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence %g is out of range", confidence),
				 errdetail("The confidence level must be greater than 0 and less than 1, such as 0.95.")));
}

/* P(Z <= x) for a standard normal Z. */
static double
normal_cdf(double x)
{
	return 0.5 * erfc(-x / M_SQRT2);
}

/*
 * The x with P(Z > x) = upper for a standard normal Z, given also q = 1/2 -
 * upper = P(0 < Z < x): Wichura's algorithm AS 241 (PPND16, Applied
 * Statistics 37, 1988), exact to about 1 part in 10^16.  The caller passes
 * both probabilities as it knows them exactly, never 1 - p, so precision
 * holds far into the tail (upper = 5e-17 at confidence 1 - 1e-16) and near
 * the centre (q = 5e-11 at confidence 1e-10).
 */
static double
normal_quantile(double q, double upper)
{
	double		r;
	double		x;

	if (fabs(q) <= 0.425)
	{
		r = 0.180625 - q * q;
		return q * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r +
						 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r +
					   1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r +
					 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) /
			(((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r +
				  3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r +
				5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r +
			  4.2313330701600911252e+1) * r + 1.0);
	}
	r = sqrt(-log(q > 0 ? upper : 1 - upper));
	if (r <= 5.0)
	{
		r -= 1.6;
		x = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r +
				 2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r +
			   3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r +
			 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0) /
			(((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r +
				  1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r +
				6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r +
			  2.05319162663775882187e+0) * r + 1.0);
	}
	else
	{
		r -= 5.0;
		x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
				 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r +
			   2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r +
			 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0) /
			(((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r +
				  1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r +
				1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r +
			  5.99832206555887937690e-1) * r + 1.0);
	}
	return q > 0 ? x : -x;
}

/*
 * The two-sided critical value z for a confidence level: the exact normal
 * quantile at every level, 0.95 included (1.959963984540054, as R, SciPy and
 * statsmodels give), so an interval moves smoothly with the level.
 */
double
stats_z(float8 confidence)
{
	stats_check_confidence(confidence);
	/* P(0 < Z < z) = confidence / 2; 1 - confidence is exact from 0.5 up. */
	return normal_quantile(confidence / 2, (1 - confidence) / 2);
}

/* Continued fraction for the incomplete beta function (modified Lentz). */
static double
beta_continued_fraction(double a, double b, double x)
{
	const double tiny = 1e-300;
	double		c = 1;
	double		d = 1 - (a + b) * x / (a + 1);
	double		h;

	d = 1 / (fabs(d) < tiny ? tiny : d);
	h = d;
	for (int m = 1; m <= 1000; m++)
	{
		double		even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
		double		odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
		double		delta;

		d = 1 + even * d;
		d = 1 / (fabs(d) < tiny ? tiny : d);
		c = 1 + even / c;
		c = fabs(c) < tiny ? tiny : c;
		h *= d * c;
		d = 1 + odd * d;
		d = 1 / (fabs(d) < tiny ? tiny : d);
		c = 1 + odd / c;
		c = fabs(c) < tiny ? tiny : c;
		delta = d * c;
		h *= delta;
		if (fabs(delta - 1) < 1e-15)
			break;
	}
	return h;
}

/*
 * ln Gamma(a + 1/2) - ln Gamma(a).  For large a the difference of two lgamma
 * values cancels (lgamma(5e17) is 2e19, so its rounding alone is 2e3), so
 * from a = 25 on it is the asymptotic series (B_n the Bernoulli numbers)
 *   1/2 ln a + sum over even n of (2^(1-n) - 2) B_n / (n (n-1) a^(n-1)),
 * to n = 10; the next term is below 2e-18 there.
 */
static double
log_gamma_half_step(double a)
{
	double		a2;

	if (a < 25)
		return lgamma(a + 0.5) - lgamma(a);
	a2 = a * a;
	return 0.5 * log(a) +
		(-1.0 / 8 + (1.0 / 192 + (-1.0 / 640 + (17.0 / 14336 - 31.0 / 18432 / a2) / a2) / a2) / a2) / a;
}

/*
 * Whether Student's t at t (or at the normal z) with df degrees of freedom
 * is computed from the normal distribution, by the Cornish-Fisher expansion
 * (t_from_z): where the expansion's first omitted term, about 7e-5 z^10 /
 * df^5, is far below double precision, and the incomplete beta function's
 * continued fraction would converge slowly and lose digits (from df of about
 * 1e5 on, and from 1e13 on its prefactor cancels completely).
 */
static bool
t_is_near_normal(double t, double df)
{
	return df >= 2e4 && t * t <= df / 1000;
}

/*
 * The t quantile with the normal quantile z where t_is_near_normal: the
 * Cornish-Fisher expansion to 1/df^4 (Abramowitz and Stegun 26.7.5).
 */
static double
t_from_z(double z, double df)
{
	double		z2 = z * z;
	double		g1 = (z2 + 1) * z / 4;
	double		g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
	double		g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
	double		g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;

	return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/*
 * P(|T| >= |t|) for Student's T with df degrees of freedom: where
 * t_is_near_normal, the normal tail at the z whose Cornish-Fisher t is |t|
 * (Newton's method, the derivative being 1 + O(z^2/df)); elsewhere I_x(df/2,
 * 1/2) with x = df / (df + t^2), with x, 1 - x and the prefactor computed
 * without cancellation.
 */
static double
t_two_sided_p(double t, double df)
{
	double		a = df / 2;
	double		t2 = t * t;
	double		x;
	double		y;
	double		front;

	t = fabs(t);
	if (t == 0)
		return 1;
	if (isinf(t))
		return 0;
	if (t_is_near_normal(t, df))
	{
		double		z = t;

		for (int i = 0; i < 4; i++)
			z -= t_from_z(z, df) - t;
		return 2 * normal_cdf(-z);
	}
	x = df / (df + t2);
	y = t2 / (df + t2);
	/* ln of x^a y^(1/2) / B(a, 1/2); ln Gamma(1/2) = ln(pi) / 2. */
	front = exp(log_gamma_half_step(a) - 0.5 * log(M_PI) - a * log1p(t2 / df) + 0.5 * log(y));
	if (x < (a + 1) / (a + 2.5))
		return front * beta_continued_fraction(a, 0.5, x) / a;
	return 1 - front * beta_continued_fraction(0.5, a, y) / 0.5;
}

/*
 * The two-sided critical value of Student's t for a confidence level: the
 * Cornish-Fisher expansion where t_is_near_normal, elsewhere bisection on the
 * tail probability down to adjacent doubles.
 */
double
stats_t_quantile(float8 confidence, double df)
{
	double		z = stats_z(confidence);
	double		alpha = 1 - confidence;
	double		low;
	double		high;

	if (t_is_near_normal(z, df))
		return t_from_z(z, df);
	/* t exceeds z; double the bracket until it holds the answer. */
	low = z;
	high = 2 * z;
	while (t_two_sided_p(high, df) > alpha)
	{
		low = high;
		high *= 2;
	}
	for (;;)
	{
		double		mid = low + (high - low) / 2;

		if (mid <= low || mid >= high)
			return mid;
		if (t_two_sided_p(mid, df) > alpha)
			low = mid;
		else
			high = mid;
	}
}

/* Wilson score interval of hits / n as proportions in [0, 1]. */
void
stats_wilson(int64 hits, int64 n, double z, double *low, double *high)
{
	double		p = (double) hits / (double) n;
	double		z2n = z * z / (double) n;
	double		center = (p + z2n / 2) / (1 + z2n);
	double		half = z / (1 + z2n) * sqrt(p * (1 - p) / (double) n + z2n / (4 * (double) n));

	*low = Max(0.0, center - half);
	*high = Min(1.0, center + half);
}

/* Two-sided p-value of a difference over its standard error. */
double
stats_normal_p(double difference, double standard_error)
{
	if (standard_error == 0)
		return difference == 0 ? 1.0 : 0.0;
	return 2 * normal_cdf(-fabs(difference / standard_error));
}

/*
 * sum_a / n_a - sum_b / n_b for non-negative integer sums and positive
 * counts, from the exact numerator sum_a n_b - sum_b n_a when the products
 * fit in 128 bits, so that shifting both samples by the same amount leaves
 * it unchanged; otherwise in long double.  The exact numerator goes to double
 * directly: long double would add nothing a p-value needs, and Valgrind's
 * x87 emulation turns a small negative int128 into a long double 0.
 */
double
stats_mean_difference(int128 sum_a, int64 n_a, int128 sum_b, int64 n_b)
{
	int128		scaled_a;
	int128		scaled_b;

	if (!__builtin_mul_overflow(sum_a, (int128) n_b, &scaled_a) &&
		!__builtin_mul_overflow(sum_b, (int128) n_a, &scaled_b))
		return (double) (scaled_a - scaled_b) / ((double) n_a * (double) n_b);
	return (double) ((long double) sum_a / n_a - (long double) sum_b / n_b);
}

/*
 * Two-proportion z-test with the pooled proportion: two-sided p-value.  The
 * pooled hits are added as doubles, never as int64s that can pass 2^63.
 */
double
stats_two_proportion_p(int64 hits_a, int64 n_a, int64 hits_b, int64 n_b)
{
	double		pooled = ((double) hits_a + (double) hits_b) / ((double) n_a + (double) n_b);
	double		se = sqrt(pooled * (1 - pooled) * (1 / (double) n_a + 1 / (double) n_b));

	return stats_normal_p(stats_mean_difference(hits_a, n_a, hits_b, n_b), se);
}

/*
 * Welch's unequal-variance t-test: two-sided p-value of a difference of
 * means (stats_mean_difference) given each sample's variance and size.
 */
double
stats_welch_p(double difference, double var_a, double n_a, double var_b, double n_b)
{
	double		va = var_a / n_a;
	double		vb = var_b / n_b;
	double		df;

	if (va + vb == 0)
		return difference == 0 ? 1.0 : 0.0;
	df = (va + vb) * (va + vb) /
		(va * va / (n_a - 1) + vb * vb / (n_b - 1));
	return t_two_sided_p(difference / sqrt(va + vb), df);
}
