# Shared by the benchmark scripts (sourced): medians of whole-process times.

# median NUMBER...: the median of its arguments.
median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_runs N CMD...: runs CMD N times, prints the median in milliseconds.
time_runs() {
	n=$1
	shift
	times=""
	i=0
	while [ "$i" -lt "$n" ]; do
		start=$(date +%s%N)
		"$@" > /dev/null
		end=$(date +%s%N)
		times="$times $(( (end - start) / 1000 ))"
		i=$((i + 1))
	done
	echo "scale=2; $(median $times) / 1000" | bc
}
