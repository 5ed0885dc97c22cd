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
 * The p-quantile of the standard normal: Acklam's rational approximation
 * (relative error 1.2e-9) refined by one Halley step to full precision.
 */
static double
normal_quantile(double p)
{
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02,
	-3.066479806614716e+01, 2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01,
	-1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00,
	4.374664141464968e+00, 2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00};
	double		q;
	double		r;
	double		x;
	double		e;
	double		u;

	if (p < 0.02425)
	{
		q = sqrt(-2 * log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	else if (p <= 1 - 0.02425)
	{
		q = p - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}
	else
	{
		q = sqrt(-2 * log(1 - p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	e = normal_cdf(x) - p;
	u = e * sqrt(2 * M_PI) * exp(x * x / 2);
	return x - u / (1 + x * u / 2);
}

/*
 * The two-sided critical value z for a confidence level.  The conventional
 * levels use the values printed in statistics tables and survey calculators
 * (1.645, 1.96, 2.576), so intervals match published figures; any other
 * level uses the exact normal quantile.
 */
double
stats_z(float8 confidence)
{
	stats_check_confidence(confidence);
	/* Within 1e-6, so that 0.95::real, 0.949999988 as a double, counts too. */
	if (fabs(confidence - 0.90) < 1e-6)
		return 1.645;
	if (fabs(confidence - 0.95) < 1e-6)
		return 1.96;
	if (fabs(confidence - 0.99) < 1e-6)
		return 2.576;
	return normal_quantile(1 - (1 - confidence) / 2);
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

/* The regularized incomplete beta function I_x(a, b). */
static double
incomplete_beta(double a, double b, double x)
{
	double		front;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return front * beta_continued_fraction(a, b, x) / a;
	return 1 - front * beta_continued_fraction(b, a, 1 - x) / b;
}

/* P(|T| >= |t|) for Student's T with df degrees of freedom. */
static double
t_two_sided_p(double t, double df)
{
	return incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

/* The two-sided critical value of Student's t for a confidence level. */
double
stats_t_quantile(float8 confidence, double df)
{
	double		low = 0;
	double		high = stats_z(confidence);

	/* t exceeds z; double the bracket until it holds the answer, then bisect. */
	while (t_two_sided_p(high, df) > 1 - confidence)
		high *= 2;
	for (int i = 0; i < 200 && high - low > 1e-12 * high; i++)
	{
		double		mid = (low + high) / 2;

		if (t_two_sided_p(mid, df) > 1 - confidence)
			low = mid;
		else
			high = mid;
	}
	return (low + high) / 2;
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

/* Two-proportion z-test with the pooled proportion: two-sided p-value. */
double
stats_two_proportion_p(int64 hits_a, int64 n_a, int64 hits_b, int64 n_b)
{
	double		pooled = (double) (hits_a + hits_b) / ((double) n_a + (double) n_b);
	double		se = sqrt(pooled * (1 - pooled) * (1 / (double) n_a + 1 / (double) n_b));

	return stats_normal_p((double) hits_a / n_a - (double) hits_b / n_b, se);
}

/* Welch's unequal-variance t-test on two means: two-sided p-value. */
double
stats_welch_p(double mean_a, double var_a, double n_a,
			  double mean_b, double var_b, double n_b)
{
	double		va = var_a / n_a;
	double		vb = var_b / n_b;
	double		df;

	if (va + vb == 0)
		return mean_a == mean_b ? 1.0 : 0.0;
	df = (va + vb) * (va + vb) /
		(va * va / (n_a - 1) + vb * vb / (n_b - 1));
	return t_two_sided_p((mean_a - mean_b) / sqrt(va + vb), df);
}
