//! family: control
//! what: `std::thread::spawn(job_name)` given the job's name (a String) instead of a closure
fn main() {
    let job_name = String::from("compact");
    let worker = std::thread::spawn(job_name);
    worker.join().unwrap();
}
